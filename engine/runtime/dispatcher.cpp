#include "runtime/dispatcher.h"

#include "pixelnest/logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>

namespace pixelnest::engine
{

namespace
{

constexpr int kIdleWaitMs = 500; // BLPOP timeout: also how soon a due retry is noticed

} // namespace

Dispatcher::Dispatcher(EngineContext& context)
    // The Redis timeout outlives the idle BLPOP.
    : m_context(context), m_io(context, kIdleWaitMs + 5000), m_outage(QStringLiteral("dispatcher"))
{
}

void Dispatcher::run()
{
    m_io.open(); // failures are retried in the loop
    const int bound = m_context.config.runtime.effectiveMaxInFlight();
    while (!m_context.stopClaiming) {
        if (m_context.inFlight.size() >= bound) {
            m_context.inFlight.waitBelow(bound, 100); // backpressure
            continue;
        }
        if (claimOnce()) {
            continue;
        }
        if (m_context.config.runtime.exitWhenIdle && idleEverywhere()) {
            qCInfo(lcRuntime)
                << "nothing queued or processing anywhere: stopping (--exit-when-idle)";
            m_context.stopClaiming = true;
            break;
        }
        if (Result<bool> woke = m_io.queue.waitForWork(kIdleWaitMs); !woke) {
            m_outage.failed(woke.error());
        }
    }
    m_context.dispatcherDone = true;
}

bool Dispatcher::claimOnce()
{
    const int room = m_context.config.runtime.effectiveMaxInFlight() - m_context.inFlight.size();
    const int count = qMin(m_context.config.runtime.batchSize, room);
    QElapsedTimer timer;
    timer.start();
    const Result<QList<qint64>> ids =
        m_io.queue.claim(count, m_context.config.runtime.leaseMs(), m_context.owner);
    if (!ids) {
        m_context.metrics.redisUp = false;
        m_outage.failed(ids.error());
        return false;
    }
    m_context.metrics.redisUp = true;
    if (ids->isEmpty()) {
        m_outage.succeeded();
        return false;
    }
    m_context.inFlight.add(ids.value(), QDateTime::currentMSecsSinceEpoch());
    m_context.metrics.inFlight = m_context.inFlight.size();
    const qint64 redisNs = timer.nsecsElapsed();
    Result<QList<ClaimedJob>> jobs = claimRows(ids.value());
    qCDebug(lcRuntime) << "claimed" << ids->size() << "redis" << redisNs / 1000 << "us, postgres"
                       << (timer.nsecsElapsed() - redisNs) / 1000 << "us";
    if (!jobs) {
        // Give the leases straight back so that another engine (or we, later) can run them.
        QList<RetryRequest> back;
        for (qint64 id : ids.value()) {
            back.append({id, 0});
        }
        (void)m_io.queue.retryLater(back, m_context.owner);
        m_context.inFlight.remove(ids.value());
        m_context.metrics.postgresUp = false;
        m_outage.failed(jobs.error());
        return false;
    }
    m_context.metrics.postgresUp = true;
    m_outage.succeeded();
    m_context.metrics.observeBatchSize(int(jobs->size()));
    // Ids whose row is no longer queued (cancelled meanwhile): drop them from the queue.
    QSet<qint64> claimed;
    for (const ClaimedJob& job : jobs.value()) {
        claimed.insert(job.id);
    }
    QList<qint64> dropped;
    for (qint64 id : ids.value()) {
        if (!claimed.contains(id)) {
            dropped.append(id);
        }
    }
    if (!dropped.isEmpty()) {
        (void)m_io.queue.ack(dropped, m_context.owner);
        m_context.inFlight.remove(dropped);
    }
    startJobs(std::move(jobs).value());
    return true;
}

Result<QList<ClaimedJob>> Dispatcher::claimRows(const QList<qint64>& ids)
{
    if (Result<void> open = m_io.db.ensureOpen(); !open) {
        return open.error();
    }
    return m_io.store.claim(ids, m_context.worker);
}

void Dispatcher::startJobs(QList<ClaimedJob> jobs)
{
    for (ClaimedJob& job : jobs) {
        ++m_context.running;
        EngineContext& context = m_context; // outlives the pool's tasks; this Dispatcher may not
        context.pool.start([&context, job = std::move(job)] {
            context.outcomes.push(context.runner->run(job));
            --context.running;
        });
    }
}

bool Dispatcher::idleEverywhere()
{
    if (m_context.inFlight.size() > 0 || m_context.outcomes.size() > 0) {
        return false;
    }
    const Result<qint64> retrying = m_io.queue.retryingCount();
    if (!retrying || retrying.value() > 0) {
        return false;
    }
    if (!m_io.db.ensureOpen()) {
        return false;
    }
    const Result<PgResult> busy = m_io.db.exec(
        "SELECT EXISTS (SELECT 1 FROM images WHERE status IN ('queued', 'processing'))");
    return busy && busy->text(0, 0) == QLatin1String("f");
}

} // namespace pixelnest::engine
