#include "runtime/maintenance.h"

#include "pixelnest/logging.h"

#include <QDateTime>
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
constexpr int kRetentionEveryMs = 60'000;
constexpr int kRetentionPage = 500;
constexpr qint64 kRetentionBudgetMs = 5000; // per round: the lock holder has other work too

} // namespace

Maintenance::Maintenance(EngineContext& context) : m_context(context), m_io(context) {}

void Maintenance::run()
{
    m_io.open(); // failures are retried in the loop
    for (QElapsedTimer* timer : {&m_sinceDepth, &m_sinceMaintenance, &m_sinceReconcile}) {
        timer->start();
    }
    while (!m_context.writerDone) {
        tick();
        QThread::msleep(kTickMs);
    }
}

void Maintenance::tick()
{
    if (m_sinceDepth.hasExpired(m_context.config.runtime.heartbeatMs())) {
        m_sinceDepth.restart();
        refreshQueueDepth();
    }
    if (m_sinceMaintenance.hasExpired(kMaintenanceEveryMs)) {
        m_sinceMaintenance.restart();
        maintainQueue();
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
    // While the queue is empty nothing else touches PostgreSQL: /readyz learns of it here.
    m_context.metrics.postgresUp = done.ok();
    if (done) {
        done = reap();
    }
    if (done) {
        done = expire();
    }
    if (done) {
        // The status counts' deltas back to one row per status (migration 0006).
        done = m_io.store.foldStatusCounts();
    }
    if (done && m_sinceReconcile.hasExpired(kReconcileEveryMs)) {
        m_sinceReconcile.restart();
        done = reconcile();
    }
    if (done && (!m_sinceRetention.isValid() || m_sinceRetention.hasExpired(kRetentionEveryMs))) {
        m_sinceRetention.start();
        done = applyRetention();
    }
    (void)m_io.queue.unlock("maintenance", m_context.owner);
    if (!done) {
        qCWarning(lcRuntime).noquote() << "queue maintenance postponed:" << done.error().message;
    }
}

Result<void> Maintenance::expire()
{
    const Result<QList<qint64>> expired = m_io.store.expireDue(kReconcilePage);
    if (!expired) {
        return expired.error();
    }
    if (expired->isEmpty()) {
        return {};
    }
    qCInfo(lcRuntime) << expired->size() << "jobs expired before they started: cancelled";
    // Cancelled in PostgreSQL first: if Redis fails now, a claim finds the row cancelled.
    const Result<int> removed = m_io.queue.remove(expired.value());
    return removed ? Result<void>() : Result<void>(removed.error());
}

Result<void> Maintenance::applyRetention()
{
    QElapsedTimer spent;
    spent.start();
    qint64 deleted = 0;
    qint64 bytes = 0;
    for (;;) {
        const Result<QPair<qint64, qint64>> page = m_io.store.applyRetention(kRetentionPage);
        if (!page) {
            return page.error();
        }
        deleted += page->first;
        bytes += page->second;
        if (page->first < kRetentionPage || spent.hasExpired(kRetentionBudgetMs)) {
            break; // done, or the rest next round
        }
    }
    if (deleted > 0) {
        qCInfo(lcRuntime).noquote()
            << QStringLiteral("retention: deleted %1 finished jobs (%2 MiB)")
                   .arg(deleted)
                   .arg(double(bytes) / 1048576.0, 0, 'f', 1);
    }
    return {};
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
