#include "pixelnest/connectionconfig.h"

#include "pixelnest/localstack.h"
#include "pixelnest/redistls.h"
#include "pixelnest/secretfile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <memory>

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

// A setting that is a flag, an environment variable or a config file key, in that order.
QString firstOf(const QString& flag, const QProcessEnvironment& environment, const char* variable,
                const QSettings* file, const char* key)
{
    return firstSet({{flag, ConfigSource::Flag},
                     {environment.value(QLatin1String(variable)), ConfigSource::Environment},
                     {file ? file->value(QLatin1String(key)).toString() : QString(),
                      ConfigSource::ConfigFile},
                     {QString(), ConfigSource::LocalStack}})
        .value;
}

// The rediss:// CA, client certificate and key, from wherever they were set, into the URL's
// query, where every connection the process opens finds them.
Result<QString> withTlsFiles(const QString& url, const ConnectionFlags& flags,
                             const QProcessEnvironment& environment, const QSettings* file)
{
    RedisTls tls = redisTlsOf(url);
    const auto absolute = [](const QString& path) {
        return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
    };
    const auto override = [&](QString& current, const QString& flag, const char* variable,
                              const char* key) {
        const QString chosen = firstOf(flag, environment, variable, file, key);
        if (!chosen.isEmpty()) {
            current = absolute(chosen);
        }
    };
    override(tls.caFile, flags.redisCa, "PIXELNEST_REDIS_CA", "connection/redis-ca");
    override(tls.certFile, flags.redisCert, "PIXELNEST_REDIS_CERT", "connection/redis-cert");
    override(tls.keyFile, flags.redisKey, "PIXELNEST_REDIS_KEY", "connection/redis-key");
    if (!tls.keyFile.isEmpty() && readableByOthers(tls.keyFile)) {
        return secretTooOpen(tls.keyFile, QStringLiteral("the Redis client key"));
    }
    return withRedisTlsFiles(url, tls);
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
    std::unique_ptr<QSettings> file;
    if (!configFilePath.isEmpty() && QFileInfo::exists(configFilePath)) {
        file = std::make_unique<QSettings>(configFilePath, QSettings::IniFormat);
        const bool secret =
            holdsPassword(file->value(QStringLiteral("connection/postgres")).toString(),
                          file->value(QStringLiteral("connection/redis")).toString());
        if (secret && readableByOthers(configFilePath)) {
            return secretTooOpen(configFilePath,
                                 QStringLiteral("the config file, which holds a password,"));
        }
    }
    QUrl url(config.redis, QUrl::StrictMode);
    if (!url.isValid()) {
        // RedisUrl::parse says why, without echoing the URL; nothing to add to it here.
        return config;
    }
    const QString passwordFile =
        firstOf(flags.redisPasswordFile, environment, "PIXELNEST_REDIS_PASSWORD_FILE", file.get(),
                "connection/redis-password-file");
    if (!passwordFile.isEmpty()) {
        const Result<QString> password =
            readSecretFile(passwordFile, QStringLiteral("the Redis password file"));
        if (!password) {
            return password.error();
        }
        url.setPassword(password.value(), QUrl::DecodedMode);
    }
    const Result<QString> withTls =
        withTlsFiles(url.toString(QUrl::FullyEncoded), flags, environment, file.get());
    if (!withTls) {
        return withTls.error();
    }
    config.redis = withTls.value();
    return config;
}

QString defaultConfigFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/pixelnest/pixelnest.conf");
}

} // namespace pixelnest
