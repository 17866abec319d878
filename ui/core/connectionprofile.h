#pragma once

#include "pixelnest/connectionconfig.h"

#include <QSettings>
#include <QString>

namespace pixelnest::ui
{

// What the Connection dialog chooses: the embedded local stack or remote servers, and whether
// this console also processes images (an in-process engine) or only administers.
struct ConnectionProfile
{
    enum class Mode
    {
        LocalStack,
        Remote,
    };

    Mode mode = Mode::LocalStack;
    QString postgres;         // libpq conninfo or URI, without its password
    QString redis;            // redis:// or unix:// URL, without its password
    QString postgresPassword; // kept in the keychain, never in the settings file
    QString redisPassword;
    bool processHere = true;

    // The settings file holds everything but the passwords.
    static ConnectionProfile load(const QSettings& settings);
    void save(QSettings& settings) const;

    // The servers to use, passwords merged back in; the local stack's addresses in LocalStack
    // mode.
    ConnectionConfig toConfig(const QString& localStackDir) const;
};

// A password typed into a conninfo/URL is moved out of it (into the keychain): these split it
// off and merge it back. Key=value conninfo and postgresql:// URIs are both understood.
struct SplitSecret
{
    QString withoutPassword;
    QString password;
};
SplitSecret splitPostgresPassword(const QString& conninfo);
QString withPostgresPassword(const QString& conninfo, const QString& password);
SplitSecret splitRedisPassword(const QString& url);
QString withRedisPassword(const QString& url, const QString& password);

} // namespace pixelnest::ui
