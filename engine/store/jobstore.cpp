#include "store/jobstore.h"

#include "store/jobrows.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace pixelnest::engine
{

namespace
{

// One round trip claims and loads: the CTE updates, records history, and joins the bytes.
// Binary results: bytea arrives raw, integers big-endian.
//
// `locked` takes the row locks in id order, as every other writer does (kOutcomeSql). The update
// locked them in the order its plan read them: a claim racing a priority change over the same
// rows could deadlock, one of them failing with 40P01.
//
// The rows are found through the primary key, never through an index on status: `status::text`
// keeps the planner off images_queued_at and images_status_id. Their 'queued' range is the whole
// queue, and the statistics often say it is empty (a table of finished rows, analysed before a
// burst of submits): the planner then scanned every queued row for each batch, checking it
// against the batch's ids. Beside a million finished rows, 20,000 queued ones took 16 ms per
// claim of 128 and a fifth of the machine (perf: ExecEvalScalarArrayOp), O(queue²) in all.
const QByteArray kClaimSql = R"SQL(
WITH locked AS MATERIALIZED (
    SELECT id FROM images
    WHERE id = ANY($1::bigint[]) AND status::text = 'queued'
      AND (expires_at IS NULL OR expires_at > now()) -- expired: the maintenance sweep cancels
    ORDER BY id FOR UPDATE
), claimed AS (
    UPDATE images i
    SET status = 'processing', attempts = i.attempts + 1, worker = $2, started_at = now(),
        finished_at = NULL, error = NULL, not_before = NULL
    FROM locked l WHERE i.id = l.id
    RETURNING i.id, i.attempts, i.attempts - i.attempts_base AS in_round, i.pipeline, i.format,
              i.title, coalesce(i.width, 0) AS width, coalesce(i.height, 0) AS height
), history AS (
    INSERT INTO attempts (image_id, attempt, worker) SELECT id, attempts, $2 FROM claimed
)
SELECT c.id, c.attempts, c.in_round, c.pipeline, c.format, c.title, d.original, c.width,
       c.height
FROM claimed c JOIN image_data d ON d.image_id = c.id
ORDER BY c.id
)SQL";

// One statement, so that a batch without derived images is one round trip and its own
// (synchronous) commit; it used to be BEGIN, a lock statement (planned again at every bind) and
// COMMIT around it: four round trips per batch.
//
// `locked` takes the row locks in id order: every writer (results, cancel, priority) takes them
// in that order, so two can wait for each other but never deadlock. The update is driven by it,
// row by row in that order (or after it whole, through a hash), so no row is written before it is
// locked. It reads the locked rows' current attempt, and each row looks up its own outcome by
// "id:attempt" ($1 is an object keyed so): an outcome of a stale attempt finds no row, and no
// join of the JSON with `images` is left to plan. (Joining jsonb_to_recordset to `images` made the
// planner rescan the JSON for every row: it estimated one row of `images` through the
// `status::text` filter below.) The rows are found through the primary key ($2), never through
// images_status_id: `status::text` keeps the planner off that index, whose 'processing' range is
// mostly dead entries while an engine runs (every claim adds one, non-HOT).
const QByteArray kOutcomeSql = R"SQL(
WITH locked AS MATERIALIZED (
    SELECT id, attempts FROM images WHERE id = ANY($2::bigint[]) ORDER BY id FOR UPDATE
), updated AS (
    UPDATE images i SET
        status = CASE x.outcome WHEN 'retry' THEN 'queued' ELSE x.outcome END::job_status,
        result = CASE WHEN x.outcome = 'completed' THEN x.result ELSE i.result END,
        error = x.error,
        width = coalesce(nullif(x.width, 0), i.width),
        height = coalesce(nullif(x.height, 0), i.height),
        finished_at = CASE WHEN x.outcome = 'retry' THEN NULL ELSE now() END,
        queued_at = CASE WHEN x.outcome = 'retry' THEN now() ELSE i.queued_at END,
        not_before = CASE WHEN x.outcome = 'retry'
                          THEN now() + x.retry_ms * interval '1 millisecond' END
    FROM locked l
    CROSS JOIN LATERAL jsonb_to_record($1::jsonb -> (l.id || ':' || l.attempts))
        AS x(outcome text, result jsonb, error text, width int, height int, retry_ms int)
    WHERE i.id = l.id AND i.attempts = l.attempts AND x.outcome IS NOT NULL
      AND i.status::text = 'processing'
    RETURNING i.id, l.attempts AS attempt, x.outcome, x.error
), history AS (
    UPDATE attempts a SET finished_at = now(), outcome = u.outcome, error = u.error
    FROM updated u WHERE a.image_id = u.id AND a.attempt = u.attempt
)
SELECT id, attempt FROM updated ORDER BY id, attempt
)SQL";

// Fenced by attempt: a lease that expired for attempt N releases the job only while it is still
// in attempt N (0: a claim's token, from before PostgreSQL numbered the attempt). A job whose
// round of attempts ends this way is a poison pill (an image that kills its engine, say): it is
// failed with how many engines stopped on it, rather than handed to yet another one. Rows by
// primary key (`status::text`, as in kClaimSql): the 'processing' range of images_status_id is
// mostly dead entries while engines run.
const QByteArray kLostLeaseSql = R"SQL(
WITH lost AS (
    SELECT i.id, i.attempts, i.worker,
           (i.attempts - i.attempts_base) >= $3::int AS exhausted,
           1 + (SELECT count(*) FROM attempts a
                WHERE a.image_id = i.id AND a.attempt > i.attempts_base
                  AND a.outcome = 'lease_lost') AS stops
    FROM images i JOIN unnest($1::bigint[], $2::int[]) AS x(id, attempt) ON x.id = i.id
    WHERE i.status::text = 'processing' AND (x.attempt = 0 OR i.attempts = x.attempt)
    ORDER BY i.id
    FOR UPDATE OF i
), updated AS (
    UPDATE images i SET
        status = CASE WHEN l.exhausted THEN 'failed' ELSE 'queued' END::job_status,
        error = CASE WHEN l.exhausted
                     THEN 'engine stopped while processing this job ' || l.stops
                          || ' times (last: worker ' || coalesce(l.worker, '?')
                          || ' lost its lease); gave up after ' || $3::int || ' attempts'
                     ELSE 'worker ' || coalesce(l.worker, '?') || ' lost its lease' END,
        finished_at = CASE WHEN l.exhausted THEN now() END,
        queued_at = now()
    FROM lost l WHERE i.id = l.id
    RETURNING i.id, i.status, i.priority, i.pipeline, l.attempts, i.error
), history AS (
    UPDATE attempts a SET finished_at = now(), outcome = 'lease_lost', error = u.error
    FROM updated u WHERE a.image_id = u.id AND a.attempt = u.attempts
)
SELECT id, priority, pipeline, 0::bigint FROM updated WHERE status = 'queued' ORDER BY id
)SQL";

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completed:
        return QStringLiteral("completed");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Retry:
        return QStringLiteral("retry");
    }
    return {};
}

// One outcome per attempt, the first. An attempt given up as timed out (LeaseKeeper) and the
// task's late outcome for it can share a batch: the timeout stands and the late outcome, its
// derived images included, changes nothing, as when they come in separate batches.
QList<JobOutcome> firstOutcomePerAttempt(const QList<JobOutcome>& outcomes)
{
    QSet<AttemptKey> seen;
    QList<JobOutcome> first;
    for (const JobOutcome& outcome : outcomes) {
        const AttemptKey key{outcome.id, outcome.attempt};
        if (!seen.contains(key)) {
            seen.insert(key);
            first.append(outcome);
        }
    }
    return first;
}

QByteArray outcomesJson(const QList<JobOutcome>& outcomes)
{
    // Keyed "id:attempt" (kOutcomeSql); two attempts of one job may share a batch. One outcome
    // per key (firstOutcomePerAttempt).
    QJsonObject rows;
    for (const JobOutcome& outcome : outcomes) {
        QJsonObject row{{QStringLiteral("outcome"), outcomeName(outcome.outcome)},
                        {QStringLiteral("width"), outcome.width},
                        {QStringLiteral("height"), outcome.height},
                        {QStringLiteral("retry_ms"), outcome.retryDelayMs}};
        if (outcome.outcome == Outcome::Completed) {
            row.insert(QStringLiteral("result"), outcome.result);
        }
        if (!outcome.error.isEmpty()) {
            row.insert(QStringLiteral("error"), outcome.error);
        }
        rows.insert(QStringLiteral("%1:%2").arg(outcome.id).arg(outcome.attempt), row);
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

QList<QueuedJob> queuedJobsOf(const PgResult& rows)
{
    QList<QueuedJob> jobs;
    for (int row = 0; row < rows.rows(); ++row) {
        jobs.append({rows.integer(row, 0), int(rows.integer(row, 1)), rows.bytes(row, 2),
                     rows.integer(row, 3)});
    }
    return jobs;
}

} // namespace

Result<QList<ClaimedJob>> JobStore::claim(const QList<qint64>& ids, const QString& worker)
{
    const Result<PgResult> rows = m_db.execPrepared(
        "pixelnest_claim", kClaimSql, {idArrayLiteral(ids), worker.toUtf8()}, {}, true);
    if (!rows) {
        return rows.error();
    }
    QList<ClaimedJob> jobs;
    jobs.reserve(rows->rows());
    for (int row = 0; row < rows->rows(); ++row) {
        ClaimedJob job;
        job.id = rows->binaryInteger(row, 0);
        job.attempt = int(rows->binaryInteger(row, 1));
        job.attemptInRound = int(rows->binaryInteger(row, 2));
        job.pipeline = rows->text(row, 3);
        job.format = rows->text(row, 4);
        job.title = rows->text(row, 5);
        job.bytes = rows->bytes(row, 6);
        job.width = int(rows->binaryInteger(row, 7));
        job.height = int(rows->binaryInteger(row, 8));
        jobs.append(std::move(job));
    }
    return jobs;
}

Result<QList<AttemptKey>> JobStore::writeOutcomes(const QList<JobOutcome>& batch)
{
    if (batch.isEmpty()) {
        return QList<AttemptKey>();
    }
    const QList<JobOutcome> outcomes = firstOutcomePerAttempt(batch);
    QList<qint64> ids;
    for (const JobOutcome& outcome : outcomes) {
        ids.append(outcome.id);
    }
    const bool derivedImages =
        std::any_of(outcomes.cbegin(), outcomes.cend(), [](const JobOutcome& outcome) {
            return !outcome.thumbnail.isEmpty() || !outcome.anonymised.isEmpty();
        });
    // Without derived images the statement is the whole transaction (its own commit).
    if (derivedImages) {
        if (Result<void> begun = m_db.begin(); !begun) {
            return begun.error();
        }
    }
    const Result<PgResult> accepted = m_db.execPrepared(
        "pixelnest_outcomes", kOutcomeSql, {outcomesJson(outcomes), idArrayLiteral(ids)});
    if (!accepted) {
        if (derivedImages) {
            m_db.rollback();
        }
        return accepted.error();
    }
    QList<AttemptKey> keys;
    for (int row = 0; row < accepted->rows(); ++row) {
        keys.append({accepted->integer(row, 0), int(accepted->integer(row, 1))});
    }
    // Derived images only for accepted writes: a stale attempt's copy must not land either,
    // even when both attempts of one job are in this batch.
    for (const JobOutcome& outcome : outcomes) {
        if ((outcome.thumbnail.isEmpty() && outcome.anonymised.isEmpty()) ||
            !std::binary_search(keys.cbegin(), keys.cend(),
                                AttemptKey{outcome.id, outcome.attempt})) {
            continue;
        }
        const Result<PgResult> stored = m_db.execBinary(
            "UPDATE image_data SET thumbnail = coalesce($2, thumbnail), "
            "anonymised = coalesce($3, anonymised) WHERE image_id = $1",
            {QByteArray::number(outcome.id), outcome.thumbnail, outcome.anonymised}, {1, 2}, false);
        if (!stored) {
            m_db.rollback();
            return stored.error();
        }
    }
    if (derivedImages) {
        if (Result<void> committed = m_db.commit(); !committed) {
            return committed.error();
        }
    }
    return keys;
}

Result<QList<QueuedJob>> JobStore::releaseLostLeases(const QList<ExpiredLease>& leases,
                                                     int maxAttempts)
{
    if (leases.isEmpty()) {
        return QList<QueuedJob>();
    }
    QList<qint64> ids;
    QStringList attempts;
    for (const ExpiredLease& lease : leases) {
        ids.append(lease.id);
        attempts.append(QString::number(lease.attempt()));
    }
    const QByteArray attemptArray = "{" + attempts.join(QLatin1Char(',')).toLatin1() + "}";
    const Result<PgResult> rows = m_db.exec(
        kLostLeaseSql, {idArrayLiteral(ids), attemptArray, QByteArray::number(maxAttempts)});
    if (!rows) {
        return rows.error();
    }
    return queuedJobsOf(rows.value());
}

Result<QList<QueuedJob>> JobStore::queuedSince(int graceMs, qint64 afterId, int limit)
{
    const Result<PgResult> rows = m_db.exec(
        "SELECT id, priority, pipeline, "
        "coalesce((extract(epoch FROM not_before) * 1000)::bigint, 0) "
        "FROM images WHERE status = 'queued' AND id > $1 "
        "AND queued_at < now() - $2 * interval '1 millisecond' ORDER BY id LIMIT $3",
        {QByteArray::number(afterId), QByteArray::number(graceMs), QByteArray::number(limit)});
    if (!rows) {
        return rows.error();
    }
    return queuedJobsOf(rows.value());
}

Result<void> JobStore::foldStatusCounts()
{
    const Result<PgResult> folded = m_db.exec("SELECT pixelnest_fold_status_counts()");
    if (!folded) {
        return folded.error();
    }
    return {};
}

Result<QList<qint64>> JobStore::expireDue(int pageSize)
{
    const Result<PgResult> rows =
        m_db.exec("SELECT pixelnest_expire_due($1)", {QByteArray::number(pageSize)});
    if (!rows) {
        return rows.error();
    }
    return idsOf(rows.value());
}

Result<QPair<qint64, qint64>> JobStore::applyRetention(int pageSize)
{
    const Result<PgResult> page = m_db.exec(
        "SELECT deleted, bytes FROM pixelnest_apply_retention($1)", {QByteArray::number(pageSize)});
    if (!page) {
        return page.error();
    }
    return qMakePair(page->integer(0, 0), page->integer(0, 1));
}

Result<QList<qint64>> JobStore::processingSince(int ageMs, qint64 afterId, int limit)
{
    const Result<PgResult> rows = m_db.exec(
        "SELECT id FROM images WHERE status = 'processing' AND id > $1 "
        "AND started_at < now() - $2 * interval '1 millisecond' ORDER BY id LIMIT $3",
        {QByteArray::number(afterId), QByteArray::number(ageMs), QByteArray::number(limit)});
    if (!rows) {
        return rows.error();
    }
    return idsOf(rows.value());
}

} // namespace pixelnest::engine
