#include "pixelnest/connectionconfig.h"

#include "pixelnest/localstack.h"

#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace pixelnest
{

namespace
{

struct Candidate
{
    QString value;
    ConfigSource source;
};

// The first non-empty candidate wins; the last candidate (the local stack) is always set.
Candidate firstSet(std::initializer_list<Candidate> candidates)
{
    Candidate chosen = *(candidates.end() - 1);
    for (const Candidate& candidate : candidates) {
        if (!candidate.value.trimmed().isEmpty()) {
            chosen = candidate;
            break;
        }
    }
    chosen.value = chosen.value.trimmed();
    return chosen;
}

} // namespace

QString sourceName(ConfigSource source)
{
    switch (source) {
    case ConfigSource::Flag:
        return QStringLiteral("command line");
    case ConfigSource::Environment:
        return QStringLiteral("environment");
    case ConfigSource::ConfigFile:
        return QStringLiteral("config file");
    case ConfigSource::LocalStack:
        return QStringLiteral("local stack");
    }
    return {};
}

ConnectionConfig resolveConnectionConfig(const ConnectionFlags& flags,
                                         const QProcessEnvironment& environment,
                                         const QString& configFilePath,
                                         const QString& localStackDir)
{
    QString filePostgres;
    QString fileRedis;
    if (!configFilePath.isEmpty() && QFileInfo::exists(configFilePath)) {
        const QSettings file(configFilePath, QSettings::IniFormat);
        filePostgres = file.value(QStringLiteral("connection/postgres")).toString();
        fileRedis = file.value(QStringLiteral("connection/redis")).toString();
    }
    const LocalStack stack(localStackDir);

    const Candidate postgres = firstSet(
        {{flags.postgres, ConfigSource::Flag},
         {environment.value(QStringLiteral("PIXELNEST_POSTGRES")), ConfigSource::Environment},
         {filePostgres, ConfigSource::ConfigFile},
         {stack.postgresConninfo(), ConfigSource::LocalStack}});
    const Candidate redis =
        firstSet({{flags.redis, ConfigSource::Flag},
                  {environment.value(QStringLiteral("PIXELNEST_REDIS")), ConfigSource::Environment},
                  {fileRedis, ConfigSource::ConfigFile},
                  {stack.redisUrl(), ConfigSource::LocalStack}});

    ConnectionConfig config;
    config.postgres = postgres.value;
    config.postgresSource = postgres.source;
    config.redis = redis.value;
    config.redisSource = redis.source;
    return config;
}

QString defaultConfigFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/pixelnest/pixelnest.conf");
}

} // namespace pixelnest
