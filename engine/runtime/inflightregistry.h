#pragma once

#include "model/joboutcome.h"
#include "model/queuedjob.h"

#include <QHash>
#include <QList>
#include <QPair>

#include <condition_variable>
#include <mutex>

namespace pixelnest::engine
{

// One attempt this engine holds a lease for: keyed by (id, attempt), so that a job that lost its
// lease and was claimed again by this same engine is two entries, each with its own token. The
// attempt is 0 between the claim in Redis and the claim in PostgreSQL.
struct HeldLease
{
    qint64 id = 0;
    int attempt = 0;
    QByteArray token;
    qint64 claimedAtMs = 0;
    qint64 deadlineMs = 0;      // the job's timeout runs out (0: none yet)
    int attemptInRound = 0;     // for the retry-or-fail decision when it does
    qint64 memoryCostBytes = 0; // reserved against the memory budget until its result is settled
};

// The attempts this engine holds a lease on, from claim to ack: renewed by the lease keeper,
// bounded for backpressure. Thread-safe.
class InFlightRegistry final
{
public:
    void add(const QList<HeldLease>& leases);
    // Removes these attempts and returns what was held for each (id 0 where nothing was); their
    // memory goes back to the budget.
    QList<HeldLease> take(const QList<AttemptKey>& keys);
    qint64 memoryInUseBytes() const;
    QList<Lease> leases() const;
    // Attempts whose deadline has passed, once each (their deadline is cleared): the watchdog
    // gives up on them.
    QList<HeldLease> takeOverdue(qint64 nowMs);
    int size() const;
    // Blocks until fewer than `bound` are held, or timeoutMs passes.
    void waitBelow(int bound, int timeoutMs) const;

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    QHash<AttemptKey, HeldLease> m_held;
    qint64 m_memoryBytes = 0;
};

} // namespace pixelnest::engine
