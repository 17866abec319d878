#include "runtime/resultwriter.h"

#include "pixelnest/logging.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace pixelnest::engine
{

namespace
{

constexpr int kMaxBatch = 256;
constexpr int kLingerMs = 2;

bool finished(const EngineContext& context)
{
    return context.dispatcherDone && context.running == 0 && context.outcomes.size() == 0;
}

} // namespace

ResultWriter::ResultWriter(EngineContext& context)
    : m_context(context), m_io(context), m_outage(QStringLiteral("writer"))
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
    m_context.writerDone = true;
}

void ResultWriter::write(const QList<JobOutcome>& batch)
{
    QElapsedTimer timer;
    timer.start();
    const QList<qint64> accepted = writeToPostgres(batch);
    const qint64 postgresNs = timer.nsecsElapsed();
    settleInRedis(batch, accepted);
    qCDebug(lcRuntime) << "wrote" << batch.size() << "postgres" << postgresNs / 1000 << "us, redis"
                       << (timer.nsecsElapsed() - postgresNs) / 1000 << "us";
    account(batch, accepted);
}

QList<qint64> ResultWriter::writeToPostgres(const QList<JobOutcome>& batch)
{
    // Until it is written: PostgreSQL is the truth, and the leases are renewed meanwhile.
    for (;;) {
        Result<void> open = m_io.db.ensureOpen();
        Result<QList<qint64>> accepted =
            open ? m_io.store.writeOutcomes(batch) : Result<QList<qint64>>(open.error());
        if (accepted) {
            m_context.metrics.postgresUp = true;
            m_outage.succeeded();
            return accepted.value();
        }
        if (accepted.error().code != ErrorCode::Unavailable) {
            // Not an outage but a rejected batch (a bug or a hostile value): never loop on it.
            // The leases run out and the reaper hands the jobs to another attempt.
            qCCritical(lcRuntime).noquote()
                << "result batch rejected by PostgreSQL:" << accepted.error().message;
            m_context.metrics.setLastError(accepted.error().message);
            return {};
        }
        m_context.metrics.postgresUp = false;
        m_outage.failed(accepted.error());
    }
}

void ResultWriter::settleInRedis(const QList<JobOutcome>& batch, const QList<qint64>& accepted)
{
    QList<qint64> done;
    QList<RetryRequest> retries;
    for (const JobOutcome& outcome : batch) {
        const bool written = std::binary_search(accepted.cbegin(), accepted.cend(), outcome.id);
        if (written && outcome.outcome == Outcome::Retry) {
            retries.append({outcome.id, outcome.retryDelayMs});
        } else {
            done.append(outcome.id); // finished, or fenced out: either way not ours to run
        }
    }
    // Both calls are idempotent (they check the lease owner), so a retry after a partial
    // failure is safe. When stopping, give up after a while: PostgreSQL already holds the
    // truth and the leases simply expire.
    for (int attempt = 0;; ++attempt) {
        Result<int> acked = m_io.queue.ack(done, m_context.owner);
        Result<int> moved =
            acked ? m_io.queue.retryLater(retries, m_context.owner) : Result<int>(0);
        if (acked && moved) {
            m_context.metrics.redisUp = true;
            m_outage.succeeded();
            return;
        }
        m_context.metrics.redisUp = false;
        m_outage.failed(acked ? moved.error() : acked.error());
        if (m_context.stopClaiming && attempt >= 20) {
            qCWarning(lcRuntime) << "stopping with" << batch.size()
                                 << "jobs written but not acknowledged in Redis";
            return;
        }
    }
}

void ResultWriter::account(const QList<JobOutcome>& batch, const QList<qint64>& accepted)
{
    QList<qint64> ids;
    for (const JobOutcome& outcome : batch) {
        ids.append(outcome.id);
    }
    const QList<qint64> claimedAt = m_context.inFlight.remove(ids);
    m_context.metrics.inFlight = m_context.inFlight.size();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const JobOutcome& outcome = batch[i];
        if (!std::binary_search(accepted.cbegin(), accepted.cend(), outcome.id)) {
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
        if (claimedAt[i] > 0) {
            m_context.metrics.observeJobSeconds(double(now - claimedAt[i]) / 1000.0);
        }
    }
}

} // namespace pixelnest::engine
