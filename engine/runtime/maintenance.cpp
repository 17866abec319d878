#include "runtime/maintenance.h"

#include "pixelnest/logging.h"
#include "pixelnest/version.h"
#include "service/heartbeat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

namespace pixelnest::engine
{

namespace
{

constexpr int kTickMs = 100;
constexpr int kMaintenanceEveryMs = 1000;
constexpr int kReconcileEveryMs = 5000;
constexpr int kReconcilePage = 1000;
constexpr int kLockTtlMs = 30'000;

} // namespace

Maintenance::Maintenance(EngineContext& context) : m_context(context), m_io(context) {}

void Maintenance::run()
{
    m_io.open(); // failures are retried in the loop
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    for (QElapsedTimer* timer :
         {&m_sinceBeat, &m_sinceRenew, &m_sinceMaintenance, &m_sinceReconcile}) {
        timer->start();
    }
    beat();
    // Leases must outlive the writer: keep renewing until every result is settled.
    while (!m_context.writerDone) {
        tick();
        QThread::msleep(kTickMs);
    }
    beat();
}

void Maintenance::tick()
{
    if (m_sinceBeat.hasExpired(m_context.config.runtime.heartbeatMs())) {
        m_sinceBeat.restart();
        beat();
        refreshQueueDepth();
    }
    if (m_sinceRenew.hasExpired(m_context.config.runtime.leaseMs() / 3)) {
        m_sinceRenew.restart();
        renewLeases();
    }
    if (m_sinceMaintenance.hasExpired(kMaintenanceEveryMs)) {
        m_sinceMaintenance.restart();
        maintainQueue();
    }
}

void Maintenance::beat()
{
    const QStringList parts = m_context.worker.split(QLatin1Char(':'));
    const QJsonObject fields{
        {QStringLiteral("id"), QString::fromUtf8(m_context.owner)},
        {QStringLiteral("host"), parts.value(0)},
        {QStringLiteral("pid"), parts.value(1).toLongLong()},
        {QStringLiteral("version"), QLatin1String(kVersion)},
        {QStringLiteral("device"), m_context.pipelines.device().isEmpty()
                                       ? m_context.config.inference.device
                                       : m_context.pipelines.device()},
        {QStringLiteral("workers"), m_context.config.runtime.workers},
        {QStringLiteral("batch_size"), m_context.config.runtime.batchSize},
        // The settings in force, so that an operator (and the option tests) can see what an
        // engine was started with.
        {QStringLiteral("lease_ms"), m_context.config.runtime.leaseMs()},
        {QStringLiteral("max_attempts"), m_context.config.runtime.maxAttempts},
        {QStringLiteral("max_batch_delay_ms"),
         qint64(std::chrono::duration_cast<std::chrono::milliseconds>(
                    m_context.config.inference.maxBatchDelay)
                    .count())},
        {QStringLiteral("pipelines"), QJsonArray::fromStringList(m_context.pipelines.names())},
        {QStringLiteral("in_flight"), m_context.inFlight.size()},
        {QStringLiteral("processed"), m_context.metrics.completed.load()},
        {QStringLiteral("failed"), m_context.metrics.failed.load()},
        {QStringLiteral("last_error"), m_context.metrics.lastError()},
        {QStringLiteral("started_at_ms"), m_startedAtMs},
        {QStringLiteral("stopping"), m_context.stopClaiming.load()},
    };
    const int ttlMs = qMax(5000, 3 * m_context.config.runtime.heartbeatMs());
    if (Result<void> sent =
            m_io.queue.publishHeartbeat(m_context.owner, heartbeatJson(fields), ttlMs);
        !sent) {
        m_context.metrics.redisUp = false;
        qCDebug(lcRuntime) << "heartbeat not sent:" << sent.error().message;
    }
}

void Maintenance::renewLeases()
{
    const QList<qint64> ids = m_context.inFlight.ids();
    const Result<QList<qint64>> lost =
        m_io.queue.renew(ids, m_context.config.runtime.leaseMs(), m_context.owner);
    if (!lost) {
        qCWarning(lcRuntime).noquote() << "leases not renewed:" << lost.error().message;
        return;
    }
    if (!lost->isEmpty()) {
        // Reaped or cancelled meanwhile: the fencing check will reject our late writes.
        qCInfo(lcRuntime) << lost->size() << "leases were taken back from this engine";
    }
}

void Maintenance::refreshQueueDepth()
{
    if (Result<QMap<int, qint64>> depth = m_io.queue.depthByPriority(); depth) {
        m_context.metrics.setQueueDepth(depth.value());
    }
}

void Maintenance::maintainQueue()
{
    const Result<bool> locked = m_io.queue.tryLock("maintenance", m_context.owner, kLockTtlMs);
    if (!locked || !locked.value()) {
        return; // another engine does it this round (or Redis is down: the dispatcher says so)
    }
    Result<void> done = m_io.db.ensureOpen();
    if (done) {
        done = reap();
    }
    if (done && m_sinceReconcile.hasExpired(kReconcileEveryMs)) {
        m_sinceReconcile.restart();
        done = reconcile();
    }
    (void)m_io.queue.unlock("maintenance", m_context.owner);
    if (!done) {
        qCWarning(lcRuntime).noquote() << "queue maintenance postponed:" << done.error().message;
    }
}

Result<void> Maintenance::requeue(const QList<ExpiredLease>& lost)
{
    const Result<QList<QueuedJob>> requeued =
        m_io.store.releaseLostLeases(lost, m_context.config.runtime.maxAttempts);
    if (!requeued) {
        return requeued.error();
    }
    if (!requeued->isEmpty()) {
        qCInfo(lcRuntime) << requeued->size() << "jobs whose lease expired are queued again";
    }
    const Result<int> queued = m_io.queue.enqueue(requeued.value());
    return queued ? Result<void>() : Result<void>(queued.error());
}

Result<void> Maintenance::reap()
{
    const Result<QList<ExpiredLease>> expired = m_io.queue.reapExpired(kReconcilePage);
    if (!expired) {
        return expired.error();
    }
    if (expired->isEmpty()) {
        return {};
    }
    // Reaped from Redis first: if PostgreSQL fails now, the reconciler finds the rows later
    // (processing, absent from Redis) and does the same.
    return requeue(expired.value());
}

Result<void> Maintenance::reconcile()
{
    const Result<QList<QueuedJob>> queued = m_io.store.queuedSince(
        m_context.config.runtime.reconcileGraceMs(), m_queuedCursor, kReconcilePage);
    if (!queued) {
        return queued.error();
    }
    QList<qint64> ids;
    for (const QueuedJob& job : queued.value()) {
        ids.append(job.id);
    }
    const Result<QList<bool>> present = m_io.queue.present(ids);
    if (!present) {
        return present.error();
    }
    QList<QueuedJob> missing;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!present->at(i)) {
            missing.append(queued->at(i));
        }
    }
    m_queuedCursor = queued->size() < kReconcilePage ? 0 : ids.last();
    if (!missing.isEmpty()) {
        qCWarning(lcRuntime) << "reconciler: re-queueing" << missing.size()
                             << "jobs that Redis had lost";
        if (Result<int> added = m_io.queue.enqueue(missing); !added) {
            return added.error();
        }
    }
    // Processing rows no lease covers (Redis flushed while they ran): treat as lost leases.
    const Result<QList<qint64>> processing = m_io.store.processingSince(
        m_context.config.runtime.leaseMs() + m_context.config.runtime.reconcileGraceMs(),
        m_processingCursor, kReconcilePage);
    if (!processing) {
        return processing.error();
    }
    const Result<QList<bool>> leased = m_io.queue.present(processing.value());
    if (!leased) {
        return leased.error();
    }
    QList<ExpiredLease> orphans;
    for (qsizetype i = 0; i < processing->size(); ++i) {
        if (!leased->at(i)) {
            orphans.append({processing->at(i), QByteArray()});
        }
    }
    m_processingCursor = processing->size() < kReconcilePage ? 0 : processing->last();
    return orphans.isEmpty() ? Result<void>() : requeue(orphans);
}

} // namespace pixelnest::engine
