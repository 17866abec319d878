#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace pixelnest::engine
{

// A job waiting in (or going back to) the Redis queue: what both the queue and the store speak
// of, so neither has to include the other.
struct QueuedJob
{
    qint64 id = 0;
    int priority = 0;
};

// A lease that ran out: the job and the lease token that held it (one token per attempt).
struct ExpiredLease
{
    qint64 id = 0;
    QByteArray owner;
};

// A job to put back on the queue after a backoff.
struct RetryRequest
{
    qint64 id = 0;
    int delayMs = 0;
};

} // namespace pixelnest::engine
