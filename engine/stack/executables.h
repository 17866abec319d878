#pragma once

#include "pixelnest/result.h"

#include <QStringList>

namespace pixelnest::engine
{

struct Command
{
    QString program;
    QStringList arguments;
    QString workingDirectory;
};

// PostgreSQL's server tools (initdb, pg_ctl): $PIXELNEST_PG_BINDIR when set (and only there),
// else the newest /usr/lib/postgresql/<version>/bin, else PATH.
Result<QString> findPostgresTool(const QString& name);

// redis-server on PATH, or $PIXELNEST_REDIS_SERVER.
Result<QString> findRedisServer();

bool runningAsRoot();

// PostgreSQL refuses to run as root: as root, the command runs as the `postgres` system user
// through setpriv; otherwise it is returned unchanged.
Command asPostgresOwner(Command command);

// Runs to completion; on failure the error carries the tool's own output, which names the cause.
Result<QString> runCommand(const Command& command, int timeoutMs);

} // namespace pixelnest::engine
