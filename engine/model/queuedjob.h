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
    QByteArray pipeline = "default"; // names its ready queue in Redis
    qint64 notBeforeMs = 0;          // epoch ms; ahead of Redis's clock: the delayed set
};

// One lease in Redis: the job and the token that holds it. A claim takes its jobs under a token
// of its own; once PostgreSQL has numbered the attempt, the lease moves to a token naming it
// (leaseToken), so that each attempt, even two of the same engine, holds a token of its own.
struct Lease
{
    qint64 id = 0;
    QByteArray token;
};

// "<owner>:a<attempt>", and back: the attempt a token names (0 for a claim's token).
QByteArray leaseToken(const QByteArray& owner, int attempt);
int attemptOfToken(const QByteArray& token);

// A lease that ran out, with the token that held it.
struct ExpiredLease
{
    qint64 id = 0;
    QByteArray owner;

    int attempt() const { return attemptOfToken(owner); }
};

// A job to put back on the queue after a backoff.
struct RetryRequest
{
    Lease lease;
    int delayMs = 0;
};

} // namespace pixelnest::engine
