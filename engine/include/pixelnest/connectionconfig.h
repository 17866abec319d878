#pragma once

#include <QProcessEnvironment>
#include <QString>

#include "pixelnest/result.h"

namespace pixelnest
{

// Where one connection setting came from, so `pixelnest local status` and the GUI can say why a
// server was chosen.
enum class ConfigSource
{
    Flag,
    Environment,
    ConfigFile,
    LocalStack,
};

QString sourceName(ConfigSource source);

struct ConnectionConfig
{
    QString postgres; // libpq conninfo or URI
    QString redis;    // redis://[user:password@]host:port/db or unix:///path
    ConfigSource postgresSource = ConfigSource::LocalStack;
    ConfigSource redisSource = ConfigSource::LocalStack;

    // True when either server comes from the embedded local stack, which must then be up.
    bool usesLocalStack() const
    {
        return postgresSource == ConfigSource::LocalStack ||
               redisSource == ConfigSource::LocalStack;
    }
};

struct ConnectionFlags
{
    QString postgres;          // --postgres, empty when not given
    QString redis;             // --redis, empty when not given
    QString redisPasswordFile; // --redis-password-file, empty when not given
    QString redisCa;           // --redis-ca: the CA that signs a rediss:// server
    QString redisCert;         // --redis-cert: client certificate, with --redis-key
    QString redisKey;          // --redis-key
};

// The one place that applies the precedence flag > environment > config file > local stack,
// each setting on its own. The local stack's addresses come from `localStackDir`.
ConnectionConfig resolveConnectionConfig(const ConnectionFlags& flags,
                                         const QProcessEnvironment& environment,
                                         const QString& configFilePath,
                                         const QString& localStackDir);

// What this process calls itself to PostgreSQL ("pixelnest submit", "pixelnest console",
// "pixelnest engine"): libpq's fallback_application_name, so it shows in pg_stat_activity and
// in the audit trail's `client`; an application_name in the conninfo still wins. Call once,
// before the first connection.
void setPostgresClientName(const QString& name);

// resolveConnectionConfig, then the rules that keep secrets secret, for every process:
// - a config file that holds a password (in its conninfo, its Redis URL or a
//   redis-password-file) must not be readable by group or others: refused with the chmod;
// - the Redis password may come from a file (--redis-password-file > PIXELNEST_REDIS_PASSWORD_FILE
//   > the config file's connection/redis-password-file), never from argv; that file too must be
//   private. Its first line replaces the URL's password.
// - for rediss://, the CA, client certificate and key (--redis-ca/-cert/-key >
//   PIXELNEST_REDIS_CA/_CERT/_KEY > the config file's connection/redis-ca, -cert, -key) join
//   the URL as ?ca=&cert=&key=; the key file must be private too.
// PostgreSQL passwords come the libpq ways: ~/.pgpass or passfile=, PGPASSWORD, a service file.
Result<ConnectionConfig> loadConnectionConfig(const ConnectionFlags& flags,
                                              const QProcessEnvironment& environment,
                                              const QString& configFilePath,
                                              const QString& localStackDir);

// ~/.config/pixelnest/pixelnest.conf (honours XDG_CONFIG_HOME).
QString defaultConfigFilePath();

} // namespace pixelnest
