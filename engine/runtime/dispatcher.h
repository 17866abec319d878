#pragma once

#include "runtime/enginecontext.h"
#include "runtime/outagelog.h"
#include "runtime/threadconnections.h"

namespace pixelnest::engine
{

// The claim loop, on a thread of its own: claim ids from Redis (highest priority first), mark
// them processing in PostgreSQL with their attempt number, hand them to the pipeline pool.
// Blocks on the wake-up marker when idle instead of polling; waits when maxInFlight are held.
class Dispatcher final
{
public:
    explicit Dispatcher(EngineContext& context);
    void run();

private:
    bool claimOnce(); // false when nothing was ready
    bool idleEverywhere();
    Result<QList<ClaimedJob>> claimRows(const QList<qint64>& ids);
    // Moves the claim's leases to one token per attempt and registers them; acks the ids that
    // PostgreSQL did not hand over (cancelled meanwhile).
    void holdAttempts(const QList<ClaimedJob>& jobs, const QList<qint64>& ids,
                      const QByteArray& claimToken, qint64 claimedAtMs);
    void startJobs(QList<ClaimedJob> jobs);

    EngineContext& m_context;
    ThreadConnections m_io;
    OutageLog m_outage;
};

} // namespace pixelnest::engine
