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

// The local stack's servers never run as root: PostgreSQL refuses to, and a Redis started by
// root would run its Lua and its persistence with every privilege. As root, the command runs as
// the `postgres` system user through setpriv; otherwise it is returned unchanged.
Command asServerUser(Command command);

// As root, gives `path` to the `postgres` system user that asServerUser() runs the servers
// as; otherwise does nothing. `Contents::Too` also gives what a directory holds (Redis's, which
// an older build started as root), once per start: never for PostgreSQL's data directory,
// whose thousand files its own server already owns.
enum class Contents
{
    No,
    Too,
};
Result<void> giveToServerUser(const QString& path, Service service,
                              Contents contents = Contents::No);

// Runs to completion; on failure the error carries the tool's own output, which names the cause.
Result<QString> runCommand(const Command& command, int timeoutMs);

} // namespace pixelnest::engine
