#include "runtime/outcomestorer.h"

#include "pixelnest/logging.h"

#include <QThread>

#include <algorithm>

namespace pixelnest::engine
{

namespace
{

constexpr int kFirstBackoffMs = 50;
constexpr int kMaxBackoffMs = 5000;

// The job fails instead, with the database's reason: its result cannot be kept, and running it
// again would give the same result.
JobOutcome refusedResult(const JobOutcome& outcome, const Error& error)
{
    JobOutcome failed;
    failed.id = outcome.id;
    failed.attempt = outcome.attempt;
    failed.outcome = Outcome::Failed;
    failed.error = QStringLiteral("PostgreSQL refused to store the result of this job: %1")
                       .arg(error.message);
    return failed;
}

} // namespace

OutcomeStorer::OutcomeStorer(EngineContext& context, PgConnection& db, JobStore& store,
                             OutageLog& outage)
    : m_context(context), m_db(db), m_store(store), m_outage(outage)
{
}

StoredBatch OutcomeStorer::store(const QList<JobOutcome>& batch)
{
    StoredBatch stored;
    storeInto(batch, stored, false);
    std::sort(stored.accepted.begin(), stored.accepted.end());
    return stored;
}

void OutcomeStorer::storeInto(const QList<JobOutcome>& batch, StoredBatch& stored,
                              bool lastResort)
{
    const Result<QList<AttemptKey>> accepted = writeRetrying(batch);
    if (accepted) {
        stored.written += batch;
        stored.accepted += accepted.value();
        return;
    }
    if (isRetryable(accepted.error())) { // only when the drain deadline has passed
        stored.unwritten += batch;
        return;
    }
    if (batch.size() > 1) {
        const qsizetype half = batch.size() / 2;
        storeInto(batch.mid(0, half), stored, false);
        storeInto(batch.mid(half), stored, false);
        return;
    }
    m_context.metrics.setLastError(accepted.error().message);
    if (lastResort) {
        qCCritical(lcRuntime).noquote()
            << QStringLiteral("job %1: PostgreSQL refuses even its failure (%2); its lease "
                              "expires and the reaper takes it back")
                   .arg(batch.first().id)
                   .arg(accepted.error().message);
        stored.unwritten += batch;
        return;
    }
    qCWarning(lcRuntime).noquote() << QStringLiteral("job %1: result refused by PostgreSQL: %2")
                                          .arg(batch.first().id)
                                          .arg(accepted.error().message);
    storeInto({refusedResult(batch.first(), accepted.error())}, stored, true);
}

Result<QList<AttemptKey>> OutcomeStorer::writeRetrying(const QList<JobOutcome>& batch)
{
    int backoffMs = kFirstBackoffMs;
    for (;;) {
        const Result<void> open = m_db.ensureOpen();
        const Result<QList<AttemptKey>> accepted =
            open ? m_store.writeOutcomes(batch) : Result<QList<AttemptKey>>(open.error());
        if (accepted) {
            m_context.metrics.postgresUp = true;
            m_outage.succeeded();
            return accepted;
        }
        if (!isRetryable(accepted.error())) {
            return accepted;
        }
        if (accepted.error().code == ErrorCode::Unavailable) {
            m_context.metrics.postgresUp = false;
        }
        m_outage.failed(accepted.error());
        if (m_context.drainExpired()) {
            return accepted;
        }
        QThread::msleep(ulong(backoffMs));
        backoffMs = std::min(2 * backoffMs, kMaxBackoffMs);
    }
}

} // namespace pixelnest::engine
