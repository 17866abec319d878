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
    void startJobs(QList<ClaimedJob> jobs);

    EngineContext& m_context;
    ThreadConnections m_io;
    OutageLog m_outage;
};

} // namespace pixelnest::engine
