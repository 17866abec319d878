#include "pixelnest/connectionconfig.h"

#include "pixelnest/localstack.h"
#include "pixelnest/secretfile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

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

// A conninfo ("password=...") or URI ("postgres://user:secret@host") that carries a password.
bool holdsPassword(const QString& postgres, const QString& redis)
{
    static const QRegularExpression conninfoPassword(QStringLiteral("(^|\\s)password\\s*="));
    static const QRegularExpression uriPassword(QStringLiteral("^[a-z]+s?://[^/@:]*:[^/@]+@"));
    return conninfoPassword.match(postgres).hasMatch() || uriPassword.match(postgres).hasMatch() ||
           uriPassword.match(redis).hasMatch();
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

Result<ConnectionConfig> loadConnectionConfig(const ConnectionFlags& flags,
                                              const QProcessEnvironment& environment,
                                              const QString& configFilePath,
                                              const QString& localStackDir)
{
    ConnectionConfig config =
        resolveConnectionConfig(flags, environment, configFilePath, localStackDir);
    QString filePasswordFile;
    if (!configFilePath.isEmpty() && QFileInfo::exists(configFilePath)) {
        const QSettings file(configFilePath, QSettings::IniFormat);
        filePasswordFile = file.value(QStringLiteral("connection/redis-password-file")).toString();
        const bool secret =
            holdsPassword(file.value(QStringLiteral("connection/postgres")).toString(),
                          file.value(QStringLiteral("connection/redis")).toString());
        if (secret && readableByOthers(configFilePath)) {
            return secretTooOpen(configFilePath,
                                 QStringLiteral("the config file, which holds a password,"));
        }
    }
    const Candidate passwordFile =
        firstSet({{flags.redisPasswordFile, ConfigSource::Flag},
                  {environment.value(QStringLiteral("PIXELNEST_REDIS_PASSWORD_FILE")),
                   ConfigSource::Environment},
                  {filePasswordFile, ConfigSource::ConfigFile},
                  {QString(), ConfigSource::LocalStack}});
    if (!passwordFile.value.isEmpty()) {
        const Result<QString> password =
            readSecretFile(passwordFile.value, QStringLiteral("the Redis password file"));
        if (!password) {
            return password.error();
        }
        QUrl url(config.redis, QUrl::StrictMode);
        if (!url.isValid()) {
            return makeError(Service::Redis, ErrorCode::InvalidInput,
                             QStringLiteral("invalid Redis URL: malformed"));
        }
        url.setPassword(password.value(), QUrl::DecodedMode);
        config.redis = url.toString(QUrl::FullyEncoded);
    }
    return config;
}

QString defaultConfigFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/pixelnest/pixelnest.conf");
}

} // namespace pixelnest
