#pragma once

#include "queue/jobqueue.h"
#include "queue/redisclient.h"
#include "runtime/enginecontext.h"
#include "service/processstats.h"

#include <QElapsedTimer>
#include <QJsonObject>

namespace pixelnest::engine
{

// Keeps this engine alive in Redis, on a thread and connection of its own that no PostgreSQL
// call can block: the heartbeat every heartbeat interval, and the renewal of every lease it
// holds every third of the lease. A lock wait, a partition or a stalled PostgreSQL then delays
// results but never costs a live engine its jobs. Runs until the writer has settled every
// result (or the drain deadline has passed).
class LeaseKeeper final
{
public:
    explicit LeaseKeeper(EngineContext& context);
    void run();

private:
    void beat();
    void followControl(); // pause, resume, drain: read with each heartbeat
    void renewLeases();
    void giveUpOnOverdue(); // the job timeout: overdue attempts end as timed out

    EngineContext& m_context;
    RedisClient m_redis;
    JobQueue m_queue;
    QElapsedTimer m_sinceBeat;
    QElapsedTimer m_sinceRenew;
    qint64 m_startedAtMs = 0;
    QJsonObject m_settings; // what must agree across engines, and its fingerprint
    QString m_fingerprint;
    QString m_deviceName;
    ProcessSampler m_sampler;
};

} // namespace pixelnest::engine
