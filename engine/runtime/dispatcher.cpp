#include "runtime/dispatcher.h"

#include "pixelnest/logging.h"
#include "store/jobrows.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QThread>

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
    // Claims commit without waiting for the WAL flush: this connection writes nothing else. A
    // claim lost in a PostgreSQL crash leaves its rows queued at their previous attempt, so the
    // result written for the lost attempt is fenced out and the reconciler queues the job again;
    // and a result's own (synchronous) commit flushes every claim before it. README: "Durability".
    m_io.db.setSessionSetting("synchronous_commit", "off");
}

void Dispatcher::run()
{
    m_io.open(); // failures are retried in the loop
    // Known now, not at the first claim: an engine that starts on an empty queue is ready.
    m_context.metrics.postgresUp = m_io.db.isOpen();
    const int bound = m_context.config.runtime.effectiveMaxInFlight();
    const qint64 budgetBytes = m_context.config.runtime.effectiveMemoryBudgetBytes();
    while (!m_context.stopClaiming) {
        if (m_context.inFlight.size() >= bound) {
            m_context.inFlight.waitBelow(bound, 100); // backpressure
            continue;
        }
        // Memory, counted in bytes: the jobs held may be a few large photos or many small ones.
        if (m_context.inFlight.memoryInUseBytes() >= budgetBytes) {
            m_context.inFlight.waitBelow(m_context.inFlight.size(), 50);
            continue;
        }
        if (m_context.pausedByControl) { // `pixelnest pause --worker`: idle until resumed
            QThread::msleep(100);
            continue;
        }
        if (claimOnce()) {
            continue;
        }
        if (m_context.config.runtime.exitWhenIdle && idleEverywhere()) {
            qCInfo(lcRuntime)
                << "nothing queued or processing anywhere: stopping (--exit-when-idle)";
            m_context.stopRequestedAtMs = QDateTime::currentMSecsSinceEpoch();
            m_context.stopClaiming = true;
            break;
        }
        if (Result<bool> woke = m_io.queue.waitForWork(kIdleWaitMs, m_context.served); !woke) {
            m_outage.failed(woke.error());
        }
    }
    if (--m_context.dispatchersRunning == 0) {
        m_context.dispatcherDone = true;
    }
}

bool Dispatcher::claimOnce()
{
    // The lanes share the in-flight bound: a lane counts the room and fills it (its claimed ids
    // join the in-flight registry) under one lock, so that two lanes never both take the same
    // room. Only the Redis claim runs under it; PostgreSQL's part overlaps the other lane's.
    std::unique_lock room(m_context.claimRoom);
    const int vacant = m_context.config.runtime.effectiveMaxInFlight() - m_context.inFlight.size();
    if (vacant <= 0) {
        return true; // the other lane took it: back to the backpressure wait
    }
    const int count = qMin(m_context.config.runtime.batchSize, vacant);
    // A token for this claim alone; the leases move to their attempts' tokens below.
    const QByteArray claimToken =
        m_context.owner + ":c" + QByteArray::number(++m_context.claimsStarted);
    QElapsedTimer timer;
    timer.start();
    const Result<QList<qint64>> ids =
        m_io.queue.claim(count, m_context.config.runtime.leaseMs(), claimToken, m_context.served);
    if (!ids || ids->isEmpty()) {
        room.unlock(); // not across the outage backoff or the idle wait
    }
    if (!ids) {
        m_context.metrics.redisUp = false;
        m_outage.failed(ids.error());
        return false;
    }
    m_context.metrics.redisUp = true;
    ++m_context.metrics.claims;
    if (ids->isEmpty()) {
        ++m_context.metrics.emptyClaims;
        m_outage.succeeded();
        return false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<HeldLease> pending;
    QList<AttemptKey> pendingKeys;
    for (qint64 id : ids.value()) {
        pending.append({id, 0, claimToken, now});
        pendingKeys.append({id, 0});
    }
    m_context.inFlight.add(pending); // renewed while PostgreSQL numbers the attempts
    room.unlock();
    m_context.metrics.inFlight = m_context.inFlight.size();
    const qint64 redisNs = timer.nsecsElapsed();
    Result<QList<ClaimedJob>> jobs = claimRows(ids.value());
    qCDebug(lcRuntime) << "claimed" << ids->size() << "redis" << redisNs / 1000 << "us, postgres"
                       << (timer.nsecsElapsed() - redisNs) / 1000 << "us";
    if (!jobs) {
        // Give the leases straight back so that another engine (or we, later) can run them.
        QList<RetryRequest> back;
        for (qint64 id : ids.value()) {
            back.append({{id, claimToken}, 0});
        }
        (void)m_io.queue.retryLater(back);
        m_context.inFlight.take(pendingKeys);
        m_context.metrics.postgresUp = false;
        m_outage.failed(jobs.error());
        return false;
    }
    m_context.metrics.postgresUp = true;
    m_outage.succeeded();
    m_context.metrics.observeBatchSize(int(jobs->size()));
    {
        // The claim's leases give way to the attempts' (after their retag in Redis): the other
        // lane must not count the room while neither is registered.
        std::lock_guard swap(m_context.claimRoom);
        m_context.inFlight.take(pendingKeys);
        holdAttempts(jobs.value(), ids.value(), claimToken, now);
    }
    m_context.metrics.inFlight = m_context.inFlight.size();
    startJobs(std::move(jobs).value());
    return true;
}

void Dispatcher::holdAttempts(const QList<ClaimedJob>& jobs, const QList<qint64>& ids,
                              const QByteArray& claimToken, qint64 claimedAtMs)
{
    QList<Lease> attempts;
    QList<HeldLease> held;
    QSet<qint64> claimed;
    for (const ClaimedJob& job : jobs) {
        const QByteArray token = leaseToken(m_context.owner, job.attempt);
        attempts.append({job.id, token});
        const qint64 timeoutMs = m_context.config.runtime.timeoutFor(job.pipeline).count();
        held.append({job.id, job.attempt, token, claimedAtMs, claimedAtMs + timeoutMs,
                     job.attemptInRound, job.memoryCostBytes()});
        claimed.insert(job.id);
    }
    if (Result<int> moved = m_io.queue.retag(claimToken, attempts); !moved) {
        // Redis went away just now: the leases stay under the claim's token, which is what
        // renewals and the ack must then present.
        for (HeldLease& lease : held) {
            lease.token = claimToken;
        }
    }
    m_context.inFlight.add(held);
    // Ids whose row is no longer queued (cancelled meanwhile): drop them from the queue.
    QList<Lease> dropped;
    for (qint64 id : ids) {
        if (!claimed.contains(id)) {
            dropped.append({id, claimToken});
        }
    }
    (void)m_io.queue.ack(dropped);
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
            context.stuck.resolve({job.id, job.attempt}); // if it had timed out: back now
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
    // Redis first, cheaply: leases held by other engines, or ready jobs of served pipelines
    // (a claim can come up empty when other engines took the batch first). Many engines on one
    // queue each ask this after every empty claim; PostgreSQL is asked only when Redis is empty.
    const Result<qint64> leased = m_io.queue.inFlightCount();
    if (!leased || leased.value() > 0) {
        return false;
    }
    const Result<QMap<QString, qint64>> ready = m_io.queue.readyByPipeline();
    if (!ready) {
        return false;
    }
    for (const QByteArray& pipeline : m_context.served) {
        if (ready->value(QString::fromUtf8(pipeline)) > 0) {
            return false;
        }
    }
    if (!m_io.db.ensureOpen()) {
        return false;
    }
    // Nothing queued or processing at all, by the status counts (migration 0006): no scan.
    const Result<PgResult> counted =
        m_io.db.exec("SELECT coalesce(sum(delta), 0) FROM status_counts WHERE status IN ('queued', "
                     "'processing')");
    if (counted && counted->integer(0, 0) == 0) {
        return true;
    }
    // Queued jobs of pipelines this engine does not serve wait for another engine, not for it.
    QStringList served;
    for (const QByteArray& pipeline : m_context.served) {
        served.append(QString::fromUtf8(pipeline));
    }
    const Result<PgResult> busy =
        m_io.db.exec("SELECT EXISTS (SELECT 1 FROM images WHERE status = 'processing' "
                     "OR (status = 'queued' AND pipeline = ANY($1::text[])))",
                     {textArrayLiteral(served)});
    return busy && busy->text(0, 0) == QLatin1String("f");
}

} // namespace pixelnest::engine
