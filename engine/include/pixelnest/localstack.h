#pragma once

#include "pixelnest/result.h"

#include <QString>

namespace pixelnest
{

struct LocalStackStatus
{
    QString dir;
    bool initialized = false;     // the PostgreSQL cluster exists
    bool postgresRunning = false; // answers on its socket
    bool redisRunning = false;    // answers PING on its socket
};

// The embedded default: a private PostgreSQL cluster and a private redis-server in one
// directory, on unix sockets only (no TCP port is opened). Every call is idempotent and safe
// when several processes call it at once (a lock file serialises them).
//
// Layout under dir(): postgres/{data,socket,postgres.log} and redis/{redis.sock,redis.pid,
// redis.log,appendonlydir}. As root, PostgreSQL (which refuses root) runs as the unprivileged
// `postgres` system user, owning postgres/ with mode 0700.
class LocalStack final
{
public:
    explicit LocalStack(QString dir = {});

    // ~/.local/share/pixelnest/local; as root /var/lib/pixelnest/local, because the postgres
    // user cannot traverse /root.
    static QString defaultDir();

    QString dir() const { return m_dir; }
    QString postgresConninfo() const;
    QString redisUrl() const;

    Result<void> up();
    Result<void> down();
    LocalStackStatus status() const;

    // Shell lines for `eval "$(pixelnest local env)"`.
    QString environmentLines() const;

private:
    Result<void> upLocked();

    QString m_dir;
};

} // namespace pixelnest
