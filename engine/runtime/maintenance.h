#pragma once

#include "runtime/enginecontext.h"
#include "runtime/threadconnections.h"

#include <QElapsedTimer>

namespace pixelnest::engine
{

// The housekeeping thread: heartbeat, lease renewal for this engine's jobs, and (one engine at
// a time, under a Redis lock) the reaper for expired leases and the reconciler that re-queues
// jobs PostgreSQL has as queued but Redis has lost.
class Maintenance final
{
public:
    explicit Maintenance(EngineContext& context);
    void run();

private:
    void tick();
    void beat();
    void renewLeases();
    void refreshQueueDepth();
    void maintainQueue();
    Result<void> reap();
    Result<void> reconcile();
    Result<void> requeue(const QList<ExpiredLease>& lost);

    EngineContext& m_context;
    ThreadConnections m_io;
    QElapsedTimer m_sinceBeat;
    QElapsedTimer m_sinceRenew;
    QElapsedTimer m_sinceMaintenance;
    QElapsedTimer m_sinceReconcile;
    qint64 m_queuedCursor = 0;
    qint64 m_processingCursor = 0;
    qint64 m_startedAtMs = 0;
};

} // namespace pixelnest::engine
