#pragma once

#include "runtime/enginecontext.h"
#include "runtime/threadconnections.h"

#include <QElapsedTimer>

namespace pixelnest::engine
{

// The housekeeping thread: queue depth for the metrics, and (one engine at a time, under a
// Redis lock) the reaper for expired leases, the reconciler that re-queues jobs PostgreSQL
// has as queued but Redis has lost, and the admin's retention policy. Its PostgreSQL work may block
// (a lock, a stalled server): this engine's own leases and heartbeat are kept by LeaseKeeper, which
// never touches it.
class Maintenance final
{
public:
    explicit Maintenance(EngineContext& context);
    void run();

private:
    void tick();
    void refreshQueueDepth();
    void maintainQueue();
    Result<void> reap();
    Result<void> reconcile();
    Result<void> requeue(const QList<ExpiredLease>& lost);
    // The admin's retention policy, a few pages a minute (pixelnest_apply_retention).
    Result<void> applyRetention();
    // Queued jobs whose --expires-in passed: cancelled, and dropped from Redis.
    Result<void> expire();

    EngineContext& m_context;
    ThreadConnections m_io;
    QElapsedTimer m_sinceDepth;
    QElapsedTimer m_sinceMaintenance;
    QElapsedTimer m_sinceReconcile;
    QElapsedTimer m_sinceRetention; // invalid until the first round: applied soon after start
    qint64 m_queuedCursor = 0;
    qint64 m_processingCursor = 0;
};

} // namespace pixelnest::engine
