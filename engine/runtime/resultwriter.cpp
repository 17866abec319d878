#include "runtime/resultwriter.h"

#include "pixelnest/logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

namespace pixelnest::engine
{

namespace
{

constexpr int kMaxBatch = 256;
constexpr int kLingerMs = 2;

bool finished(const EngineContext& context)
{
    // A task stuck past the drain deadline does not hold the writer: its job's lease expires.
    return context.dispatcherDone && context.outcomes.size() == 0 &&
           (context.running == 0 || context.drainExpired());
}

} // namespace

ResultWriter::ResultWriter(EngineContext& context)
    : m_context(context), m_io(context), m_outage(QStringLiteral("writer")),
      m_storer(context, m_io.db, m_io.store, m_outage)
{
}

void ResultWriter::run()
{
    m_io.open(); // failures are retried in the loop
    while (!finished(m_context)) {
        const QList<JobOutcome> batch = m_context.outcomes.takeBatch(
            kMaxBatch, 100, kLingerMs, [this] { return m_context.inFlight.size(); });
        if (!batch.isEmpty()) {
            write(batch);
        }
    }
    if (--m_context.writersRunning == 0) {
        m_context.writerDone = true;
    }
}

void ResultWriter::write(const QList<JobOutcome>& batch)
{
    QElapsedTimer timer;
    timer.start();
    const StoredBatch stored = m_storer.store(batch);
    const qint64 postgresNs = timer.nsecsElapsed();
    QList<AttemptKey> keys;
    for (const JobOutcome& outcome : stored.written) {
        keys.append({outcome.id, outcome.attempt});
    }
    const QList<HeldLease> held = m_context.inFlight.take(keys);
    settleInRedis(stored.written, stored.accepted, held);
    qCDebug(lcRuntime) << "wrote" << batch.size() << "postgres" << postgresNs / 1000 << "us, redis"
                       << (timer.nsecsElapsed() - postgresNs) / 1000 << "us";
    account(stored.written, stored.accepted, held);
    if (!stored.unwritten.isEmpty()) {
        QList<AttemptKey> abandoned;
        for (const JobOutcome& outcome : stored.unwritten) {
            abandoned.append({outcome.id, outcome.attempt});
        }
        (void)m_context.inFlight.take(abandoned); // no longer renewed: the reaper takes them
        qCWarning(lcRuntime) << stored.unwritten.size()
                             << "results not written before the drain deadline; their leases "
                                "expire and the jobs run again elsewhere";
    }
    m_context.metrics.inFlight = m_context.inFlight.size();
}

void ResultWriter::settleInRedis(const QList<JobOutcome>& written,
                                 const QList<AttemptKey>& accepted, const QList<HeldLease>& held)
{
    QList<Lease> done;
    QList<RetryRequest> retries;
    for (qsizetype i = 0; i < written.size(); ++i) {
        const JobOutcome& outcome = written[i];
        const Lease lease{outcome.id, held[i].token};
        if (lease.token.isEmpty()) {
            continue; // not held (any more): nothing of ours in Redis
        }
        const bool took = std::binary_search(accepted.cbegin(), accepted.cend(),
                                             AttemptKey{outcome.id, outcome.attempt});
        if (took && outcome.outcome == Outcome::Retry) {
            retries.append({lease, outcome.retryDelayMs});
        } else {
            done.append(lease); // finished, or fenced out: either way not ours to run
        }
    }
    // Both calls are idempotent (they check the attempt's token), so a retry after a partial
    // failure is safe. Past the drain deadline, give up: PostgreSQL already holds the truth
    // and the leases simply expire.
    for (;;) {
        Result<int> acked = m_io.queue.ack(done);
        Result<int> moved = acked ? m_io.queue.retryLater(retries) : Result<int>(0);
        if (acked && moved) {
            m_context.metrics.redisUp = true;
            m_outage.succeeded();
            return;
        }
        m_context.metrics.redisUp = false;
        m_outage.failed(acked ? moved.error() : acked.error());
        if (m_context.drainExpired()) {
            qCWarning(lcRuntime) << "stopping with" << written.size()
                                 << "jobs written but not acknowledged in Redis";
            return;
        }
        QThread::msleep(100);
    }
}

void ResultWriter::account(const QList<JobOutcome>& written, const QList<AttemptKey>& accepted,
                           const QList<HeldLease>& held)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < written.size(); ++i) {
        const JobOutcome& outcome = written[i];
        if (!std::binary_search(accepted.cbegin(), accepted.cend(),
                                AttemptKey{outcome.id, outcome.attempt})) {
            ++m_context.metrics.staleWrites;
            qCInfo(lcRuntime) << "job" << outcome.id << "attempt" << outcome.attempt
                              << "was fenced out (reclaimed or cancelled meanwhile)";
            continue;
        }
        switch (outcome.outcome) {
        case Outcome::Completed:
            ++m_context.metrics.completed;
            break;
        case Outcome::Failed:
            ++m_context.metrics.failed;
            qCInfo(lcRuntime).noquote()
                << QStringLiteral("job %1 failed: %2").arg(outcome.id).arg(outcome.error);
            break;
        case Outcome::Retry:
            ++m_context.metrics.retried;
            break;
        }
        if (held[i].claimedAtMs > 0) {
            m_context.metrics.observeJobSeconds(double(now - held[i].claimedAtMs) / 1000.0);
        }
    }
}

} // namespace pixelnest::engine
