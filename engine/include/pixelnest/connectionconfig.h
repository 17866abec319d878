#pragma once

#include <QProcessEnvironment>
#include <QString>

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
    QString postgres; // --postgres, empty when not given
    QString redis;    // --redis, empty when not given
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

// ~/.config/pixelnest/pixelnest.conf (honours XDG_CONFIG_HOME).
QString defaultConfigFilePath();

} // namespace pixelnest
