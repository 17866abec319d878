#pragma once

#include "pixelnest/result.h"

#include <QString>

namespace pixelnest::engine
{

// One private PostgreSQL cluster in `dir`, reachable only through a unix socket in dir/socket.
class PostgresInstance final
{
public:
    explicit PostgresInstance(QString dir);

    static QString databaseName() { return QStringLiteral("pixelnest"); }
    static QString userName() { return QStringLiteral("pixelnest"); }

    QString socketDir() const;
    QString conninfo(const QString& database = databaseName()) const;

    bool initialized() const;
    bool running() const;

    Result<void> initialize();
    Result<void> start();
    Result<void> stop();
    Result<void> createDatabase();

private:
    QString dataDir() const;
    Result<void> prepareDirectories();
    Result<void> writeServerSettings();

    QString m_dir;
};

} // namespace pixelnest::engine
