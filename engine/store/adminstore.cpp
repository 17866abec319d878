// Why this file is long: every statement people's actions send to PostgreSQL (submit, the
// audited changes, purge and retention, listing with its filters and counts) shares the
// refusal explanation and the filter SQL here; each method is one statement.
#include "store/adminstore.h"

#include "store/jobrows.h"
#include "store/rolegrants.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pixelnest::engine
{

namespace
{

QByteArray uploadsJson(const QList<ImageUpload>& uploads, const QList<ImageFacts>& facts)
{
    QJsonArray rows;
    for (qsizetype i = 0; i < uploads.size(); ++i) {
        rows.append(
            QJsonObject{{QStringLiteral("ord"), i},
                        {QStringLiteral("title"), uploads[i].title},
                        {QStringLiteral("priority"), uploads[i].priority},
                        {QStringLiteral("pipeline"), uploads[i].pipeline},
                        {QStringLiteral("format"), facts[i].format},
                        {QStringLiteral("byte_size"), qint64(uploads[i].bytes.size())},
                        {QStringLiteral("width"), facts[i].width},
                        {QStringLiteral("height"), facts[i].height},
                        // ISO 8601 with a zone, or null: the column's default
                        {QStringLiteral("not_before"),
                         uploads[i].notBefore.isValid()
                             ? QJsonValue(uploads[i].notBefore.toUTC().toString(Qt::ISODateWithMs))
                             : QJsonValue()},
                        {QStringLiteral("expires_at"),
                         uploads[i].expiresAt.isValid()
                             ? QJsonValue(uploads[i].expiresAt.toUTC().toString(Qt::ISODateWithMs))
                             : QJsonValue()}});
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

// Rows and their originals in one statement. Ids come from one sequence in the order of the
// SELECT (by ord), so the n-th smallest id is the n-th upload and gets the n-th original; the
// result lists them sorted, which is input order.
const QByteArray kInsertImagesSql = R"SQL(
WITH inserted AS (
    INSERT INTO images (title, priority, pipeline, format, byte_size, width, height, not_before,
                        expires_at)
    SELECT title, priority, pipeline, format, byte_size, width, height, not_before, expires_at
    FROM jsonb_to_recordset($1::jsonb) AS x(ord int, title text, priority int, pipeline text,
         format text, byte_size bigint, width int, height int, not_before timestamptz,
         expires_at timestamptz)
    ORDER BY ord
    RETURNING id
), numbered AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM inserted
), stored AS (
    INSERT INTO image_data (image_id, original)
    SELECT n.id, b.original
    FROM numbered n JOIN unnest($2::bytea[]) WITH ORDINALITY AS b(original, n) ON b.n = n.n
)
SELECT id FROM numbered ORDER BY id
)SQL";

// How a JobSortKey orders, in SQL: the expression (matching an index of images: id and status
// since 0001, title and priority 0002, finished time 0012, attempts, worker and error 0015) and
// the cast of a cursor's key ($K) to the same type.
struct SortSql
{
    QByteArray expression;
    const char* cursor;
};

SortSql sortSql(JobSortKey key)
{
    switch (key) {
    case JobSortKey::Id:
    case JobSortKey::Created:
        return {"i.id", "$K::bigint"};
    case JobSortKey::Title:
        return {"i.title", "$K::text"};
    case JobSortKey::Status:
        return {"i.status", "$K::job_status"};
    case JobSortKey::Priority:
        return {"i.priority", "$K::int"};
    case JobSortKey::Attempts:
        return {"i.attempts", "$K::int"};
    case JobSortKey::Worker:
        return {"coalesce(i.worker, '')", "$K::text"};
    case JobSortKey::Finished:
        // Rounded to the millisecond as jobRecordAt() reads it, so that a cursor built from a
        // record matches the row exactly; UTC so that the expression is immutable (indexable).
        return {"coalesce(date_trunc('milliseconds', (i.finished_at AT TIME ZONE 'UTC') + "
                "interval '500 microseconds'), '-infinity'::timestamp)",
                "(CASE WHEN $K::text = '' THEN '-infinity'::timestamp "
                "ELSE 'epoch'::timestamp + $K::text::bigint * interval '1 millisecond' END)"};
    case JobSortKey::Error:
        // The first 200 characters, stored (error_prefix) so that a jump reads the index alone.
        return {"coalesce(i.error_prefix, '')", "$K::text"};
    }
    return {"i.id", "$K::bigint"};
}

} // namespace

Result<QList<qint64>> AdminStore::insertImages(const QList<ImageUpload>& uploads,
                                               const QList<ImageFacts>& facts, qint64 chunkBytes)
{
    // Chunks keep each statement far under PostgreSQL's 1 GB message limit, and a big upload
    // from being held twice (list and array) in this process all at once.
    QList<qsizetype> chunkStarts;
    qint64 bytesInChunk = 0;
    for (qsizetype i = 0; i < uploads.size(); ++i) {
        if (chunkStarts.isEmpty() || bytesInChunk + uploads[i].bytes.size() > chunkBytes) {
            chunkStarts.append(i);
            bytesInChunk = 0;
        }
        bytesInChunk += uploads[i].bytes.size();
    }
    // One chunk (nearly always) is one prepared statement, committed on its own: no parsing,
    // planning, BEGIN or COMMIT round trips on the way to the engine. Several share a transaction:
    // all or nothing.
    const bool transaction = chunkStarts.size() > 1;
    if (transaction) {
        if (Result<void> begun = m_db.begin(); !begun) {
            return begun.error();
        }
    }
    QList<qint64> ids;
    for (qsizetype c = 0; c < chunkStarts.size(); ++c) {
        const qsizetype from = chunkStarts[c];
        const qsizetype count =
            (c + 1 < chunkStarts.size() ? chunkStarts[c + 1] : uploads.size()) - from;
        QList<QByteArray> originals;
        for (qsizetype i = from; i < from + count; ++i) {
            originals.append(uploads[i].bytes);
        }
        const Result<PgResult> inserted =
            m_db.execPrepared("pixelnest_submit", kInsertImagesSql,
                              {uploadsJson(uploads.mid(from, count), facts.mid(from, count)),
                               byteaArrayBinary(originals)},
                              {1}, false);
        if (!inserted) {
            if (transaction) {
                m_db.rollback();
            }
            return refused(inserted.error(), AdminAction::Submit);
        }
        ids += idsOf(inserted.value());
    }
    if (transaction) {
        if (Result<void> committed = m_db.commit(); !committed) {
            return committed.error();
        }
    }
    return ids;
}

Result<LoginIdentity> AdminStore::identity()
{
    if (!m_identity) {
        Result<LoginIdentity> who = loginIdentity(m_db);
        if (!who) {
            return who.error();
        }
        m_identity = who.value();
    }
    return *m_identity;
}

Result<QList<qint64>> AdminStore::changeIds(const char* sql, const QList<qint64>& ids,
                                            AdminAction action)
{
    const Result<PgResult> rows = m_db.exec(sql, {idArrayLiteral(ids)});
    if (!rows) {
        return refused(rows.error(), action);
    }
    return idsOf(rows.value());
}

Error AdminStore::refused(const Error& error, AdminAction action)
{
    return explainRefusal(m_db, error, action);
}

// Through pixelnest_requeue (migration 0005): the change and its audit row in one statement.
Result<QList<QueuedJob>> AdminStore::requeue(const QByteArray& idsOrNull, AdminAction action)
{
    // The pipeline names the job's queue in Redis.
    const Result<PgResult> rows =
        m_db.exec("SELECT r.job_id, r.job_priority, i.pipeline "
                  "FROM pixelnest_requeue($1::bigint[]) r JOIN images i ON i.id = r.job_id "
                  "ORDER BY r.job_id",
                  {idsOrNull});
    if (!rows) {
        return refused(rows.error(), action);
    }
    QList<QueuedJob> jobs;
    for (int row = 0; row < rows->rows(); ++row) {
        jobs.append({rows->integer(row, 0), int(rows->integer(row, 1)), rows->bytes(row, 2)});
    }
    return jobs;
}

Result<QList<QueuedJob>> AdminStore::reprocess(const QList<qint64>& ids)
{
    return requeue(idArrayLiteral(ids), AdminAction::Reprocess);
}

Result<QList<QueuedJob>> AdminStore::reprocessFailed()
{
    return requeue(QByteArray(), AdminAction::ReprocessFailed);
}

Result<QList<qint64>> AdminStore::setPriority(const QList<qint64>& ids, int priority)
{
    const Result<PgResult> rows = m_db.exec("SELECT pixelnest_set_priority($1::bigint[], $2::int)",
                                            {idArrayLiteral(ids), QByteArray::number(priority)});
    if (!rows) {
        return refused(rows.error(), AdminAction::SetPriority);
    }
    return idsOf(rows.value());
}

Result<QList<qint64>> AdminStore::cancel(const QList<qint64>& ids)
{
    return changeIds("SELECT pixelnest_cancel($1::bigint[])", ids, AdminAction::Cancel);
}

namespace
{

QByteArray intervalOf(const PurgeFilter& filter)
{
    return QByteArray::number(filter.olderThanSeconds) + " seconds";
}

QByteArray statusesOf(const PurgeFilter& filter)
{
    QStringList names;
    for (JobStatus status : filter.statuses) {
        names.append(statusName(status));
    }
    return textArrayLiteral(names);
}

} // namespace

Result<PurgeReport> AdminStore::purgePage(const PurgeFilter& filter, int pageSize)
{
    const Result<PgResult> page = m_db.exec(
        "SELECT deleted, bytes FROM pixelnest_purge_page($1::interval, $2::job_status[], $3)",
        {intervalOf(filter), statusesOf(filter), QByteArray::number(pageSize)});
    if (!page) {
        return refused(page.error(), AdminAction::Purge);
    }
    PurgeReport report;
    report.deleted = page->integer(0, 0);
    report.bytes = page->integer(0, 1);
    return report;
}

Result<PurgeReport> AdminStore::purgePreview(const PurgeFilter& filter)
{
    const Result<PgResult> preview = m_db.exec(
        "SELECT matched, bytes FROM pixelnest_purge_preview($1::interval, $2::job_status[])",
        {intervalOf(filter), statusesOf(filter)});
    if (!preview) {
        return refused(preview.error(), AdminAction::Purge);
    }
    PurgeReport report;
    report.matched = preview->integer(0, 0);
    report.bytes = preview->integer(0, 1);
    return report;
}

Result<QList<qint64>> AdminStore::deleteJobs(const QList<qint64>& ids)
{
    return changeIds("SELECT pixelnest_delete($1::bigint[])", ids, AdminAction::DeleteJobs);
}

Result<std::optional<RetentionPolicy>> AdminStore::retention()
{
    const Result<PgResult> rows =
        m_db.exec("SELECT extract(epoch FROM older_than)::bigint, statuses::text[], set_by, "
                  "(extract(epoch FROM set_at) * 1000)::bigint FROM retention_policy");
    if (!rows) {
        return rows.error();
    }
    if (rows->rows() == 0) {
        return std::optional<RetentionPolicy>();
    }
    RetentionPolicy policy;
    policy.filter.olderThanSeconds = rows->integer(0, 0);
    policy.filter.statuses.clear();
    const QString names = rows->text(0, 1).mid(1).chopped(1); // {completed,failed}
    for (const QString& name : names.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const std::optional<JobStatus> status = parseStatus(name)) {
            policy.filter.statuses.append(*status);
        }
    }
    policy.setBy = rows->text(0, 2);
    policy.setAt = QDateTime::fromMSecsSinceEpoch(rows->integer(0, 3), Qt::UTC);
    return std::optional<RetentionPolicy>(policy);
}

Result<void> AdminStore::setRetention(const std::optional<PurgeFilter>& policy)
{
    const Result<PgResult> done =
        policy ? m_db.exec("SELECT pixelnest_set_retention($1::interval, $2::job_status[])",
                           {intervalOf(*policy), statusesOf(*policy)})
               : m_db.exec("SELECT pixelnest_set_retention(NULL, NULL)");
    if (!done) {
        return refused(done.error(), AdminAction::Purge);
    }
    return {};
}

Result<QList<qint64>> AdminStore::retryNow(const QList<qint64>& ids)
{
    return changeIds("SELECT pixelnest_retry_now($1::bigint[])", ids, AdminAction::RetryNow);
}

Result<void> AdminStore::recordControl(const QString& action, const QJsonObject& target)
{
    const Result<PgResult> done =
        m_db.exec("SELECT pixelnest_record_control($1, $2::jsonb)",
                  {action.toUtf8(), QJsonDocument(target).toJson(QJsonDocument::Compact)});
    if (!done) {
        return refused(done.error(), AdminAction::ControlDispatch);
    }
    return {};
}

QByteArray AdminStore::filterSql(const JobQuery& query,
                                 const std::function<QByteArray(const QByteArray&)>& bind)
{
    // Every value bound; LIKE's own wildcards escaped: text is matched literally.
    const auto literal = [](QString text) {
        return text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    };
    QByteArray sql;
    if (query.status) {
        sql += " AND i.status = " + bind(statusName(*query.status).toUtf8()) + "::job_status";
    }
    if (!query.ids.isEmpty()) {
        sql += " AND i.id = ANY(" + bind(idArrayLiteral(query.ids)) + "::bigint[])";
    }
    if (!query.titleContains.isEmpty()) {
        const QString like = QLatin1Char('%') + literal(query.titleContains) + QLatin1Char('%');
        bool number = false;
        const qint64 id = query.titleContains.trimmed().toLongLong(&number);
        sql += number && query.searchMatchesId
                   ? " AND (i.title ILIKE " + bind(like.toUtf8()) +
                         " OR i.id = " + bind(QByteArray::number(id)) + "::bigint)"
                   : " AND i.title ILIKE " + bind(like.toUtf8());
    }
    if (!query.pipeline.isEmpty()) {
        sql += " AND i.pipeline = " + bind(query.pipeline.toUtf8());
    }
    if (!query.worker.isEmpty()) {
        sql += " AND (i.worker = " + bind(query.worker.toUtf8()) + " OR i.worker LIKE " +
               bind((literal(query.worker) + QStringLiteral(":%")).toUtf8()) + ")";
    }
    if (query.minPriority) {
        sql += " AND i.priority >= " + bind(QByteArray::number(*query.minPriority)) + "::int";
    }
    if (query.maxPriority) {
        sql += " AND i.priority <= " + bind(QByteArray::number(*query.maxPriority)) + "::int";
    }
    if (query.createdSince.isValid()) {
        sql += " AND i.created_at >= " +
               bind(query.createdSince.toUTC().toString(Qt::ISODateWithMs).toUtf8()) +
               "::timestamptz";
    }
    if (query.createdUntil.isValid()) {
        sql += " AND i.created_at < " +
               bind(query.createdUntil.toUTC().toString(Qt::ISODateWithMs).toUtf8()) +
               "::timestamptz";
    }
    if (!query.label.isEmpty()) {
        // The moderation model's result: {"label": top label, "scores": {label: score}}.
        sql += query.labelMin
                   ? " AND (i.result->'moderation'->'scores'->>" + bind(query.label.toUtf8()) +
                         ")::float8 >= " + bind(QByteArray::number(*query.labelMin, 'g', 17)) +
                         "::float8"
                   : " AND i.result->'moderation'->>'label' = " + bind(query.label.toUtf8());
    }
    if (query.faces) {
        sql += " AND jsonb_array_length(coalesce(i.result->'faces', '[]'::jsonb)) " +
               QByteArray(query.facesOrMore ? ">= " : "= ") +
               bind(QByteArray::number(*query.faces)) + "::int";
    }
    return sql;
}

Result<qint64> AdminStore::countMatching(const JobQuery& query)
{
    JobQuery beyondStatus = query;
    beyondStatus.status.reset();
    if (!beyondStatus.filters()) {
        // All rows, or one status: the status counts, no scan (migration 0006).
        const Result<QMap<JobStatus, qint64>> counts = countByStatus();
        if (!counts) {
            return counts.error();
        }
        qint64 total = 0;
        for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
            total += !query.status || it.key() == *query.status ? it.value() : 0;
        }
        return total;
    }
    QByteArray sql = "SELECT count(*) FROM images i WHERE true";
    QList<QByteArray> params;
    const auto bind = [&params](const QByteArray& value) {
        params.append(value);
        return "$" + QByteArray::number(params.size());
    };
    sql += filterSql(query, bind);
    const Result<PgResult> rows = m_db.exec(sql, params);
    if (!rows) {
        return rows.error();
    }
    return rows->integer(0, 0);
}

Result<QList<JobRecord>> AdminStore::list(const JobQuery& query)
{
    QList<QByteArray> params;
    const auto bind = [&params](const QByteArray& value) {
        params.append(value);
        return "$" + QByteArray::number(params.size());
    };
    const SortSql sort = sortSql(query.sortBy);
    const QByteArray direction = query.descending ? " DESC" : " ASC";
    const QByteArray order = " ORDER BY " + sort.expression + direction + ", i.id" + direction;
    const int limit = qBound(1, query.limit, 100000);
    // The page's rows as `columns`: filters, cursor, order, then the offset (a jump).
    const auto page = [&](const QByteArray& columns) {
        QByteArray sql = "SELECT " + columns + " FROM images i WHERE true";
        if (query.beforeId > 0 && query.sortBy == JobSortKey::Id && query.descending) {
            sql += " AND i.id < " + bind(QByteArray::number(query.beforeId));
        }
        sql += filterSql(query, bind);
        if (query.after) {
            // An empty key (no worker, no error, not finished) must bind as '', not as NULL.
            QByteArray keyText = query.after->key.toUtf8();
            if (keyText.isNull()) {
                keyText = QByteArray("");
            }
            const QByteArray key = bind(keyText);
            const QByteArray id = bind(QByteArray::number(query.after->id));
            sql += " AND (" + sort.expression + ", i.id) " + (query.descending ? "<" : ">") + " (" +
                   QByteArray(sort.cursor).replace("$K", key) + ", " + id + "::bigint)";
        }
        sql += order + " LIMIT " + bind(QByteArray::number(limit));
        if (query.offset > 0) {
            sql += " OFFSET " + bind(QByteArray::number(query.offset));
        }
        return sql;
    };
    // A jump (OFFSET) skips its rows reading only their ids and sort keys, from the sort's index
    // alone where it covers them (an index-only scan), then reads the page's whole rows: skipping
    // the whole rows computed every column of each (result::text included) and visited the heap
    // in the index's order, 1-4 s for 500,000 rows at a million.
    const QByteArray sql = query.offset > 0 ? "SELECT " + kJobColumns +
                                                  " FROM images i WHERE i.id = ANY(ARRAY(" +
                                                  page("i.id") + "))" + order
                                            : page(kJobColumns);
    const Result<PgResult> rows = m_db.exec(sql, params);
    if (!rows) {
        return rows.error();
    }
    QList<JobRecord> jobs;
    jobs.reserve(rows->rows());
    for (int row = 0; row < rows->rows(); ++row) {
        jobs.append(jobRecordAt(rows.value(), row));
    }
    return jobs;
}

Result<QList<MinuteCounts>> AdminStore::finishedPerMinute(int minutes)
{
    // The Finished sort expression, so that its index (0002_console_indexes) serves the range.
    const QByteArray finished = sortSql(JobSortKey::Finished).expression;
    const Result<PgResult> rows = m_db.exec(
        "SELECT (extract(epoch FROM date_trunc('minute', f)) * 1000)::bigint AS minute, "
        "count(*) FILTER (WHERE status = 'completed'), count(*) FILTER (WHERE status = 'failed') "
        "FROM (SELECT " +
            finished + " AS f, i.status FROM images i WHERE " + finished +
            " >= date_trunc('minute', now() AT TIME ZONE 'UTC') - $1::int * interval '1 minute'"
            ") t GROUP BY minute ORDER BY minute",
        {QByteArray::number(qBound(1, minutes, 24 * 60))});
    if (!rows) {
        return rows.error();
    }
    QList<MinuteCounts> counts;
    for (int row = 0; row < rows->rows(); ++row) {
        counts.append({QDateTime::fromMSecsSinceEpoch(rows->integer(row, 0), Qt::UTC),
                       rows->integer(row, 1), rows->integer(row, 2)});
    }
    return counts;
}

Result<JobDetail> AdminStore::detail(qint64 id)
{
    const Result<PgResult> rows = m_db.exec(
        "SELECT " + kJobColumns + " FROM images i WHERE i.id = $1", {QByteArray::number(id)});
    if (!rows) {
        return rows.error();
    }
    if (rows->rows() == 0) {
        return makeError(Service::PostgreSQL, ErrorCode::NotFound,
                         QStringLiteral("no image with id %1").arg(id));
    }
    JobDetail detail;
    detail.job = jobRecordAt(rows.value(), 0);
    const Result<PgResult> history =
        m_db.exec("SELECT attempt, worker, (extract(epoch FROM started_at) * 1000)::bigint, "
                  "(extract(epoch FROM finished_at) * 1000)::bigint, outcome, error "
                  "FROM attempts WHERE image_id = $1 ORDER BY attempt",
                  {QByteArray::number(id)});
    if (!history) {
        return history.error();
    }
    for (int row = 0; row < history->rows(); ++row) {
        detail.history.append({int(history->integer(row, 0)), history->text(row, 1),
                               timeFromEpochMs(history.value(), row, 2),
                               timeFromEpochMs(history.value(), row, 3), history->text(row, 4),
                               history->text(row, 5)});
    }
    return detail;
}

Result<QMap<JobStatus, qint64>> AdminStore::countByStatus()
{
    // Migration 0006's appended deltas, not a scan of images: a few rows at any table size.
    const Result<PgResult> rows =
        m_db.exec("SELECT status::text, sum(delta), sum(count(*)) OVER () FROM status_counts "
                  "GROUP BY status");
    if (!rows) {
        return rows.error();
    }
    // Without engines (a console alone, many submits) nobody folds the deltas every second:
    // the reader does, once they are many. A failure only leaves them for the next reader.
    constexpr qint64 kFoldAbove = 1000;
    if (rows->rows() > 0 && rows->integer(0, 2) > kFoldAbove) {
        (void)m_db.exec("SELECT pixelnest_fold_status_counts()");
    }
    QMap<JobStatus, qint64> counts;
    for (JobStatus status : allStatuses()) {
        counts.insert(status, 0);
    }
    for (int row = 0; row < rows->rows(); ++row) {
        if (const auto status = parseStatus(rows->text(row, 0))) {
            counts.insert(*status, rows->integer(row, 1));
        }
    }
    return counts;
}

Result<QByteArray> AdminStore::imageBytes(qint64 id, const QByteArray& which)
{
    if (which != "original" && which != "thumbnail" && which != "anonymised") {
        return makeError(Service::PostgreSQL, ErrorCode::InvalidInput,
                         QStringLiteral("unknown image kind"));
    }
    const Result<PgResult> rows =
        m_db.execBinary("SELECT " + which + " FROM image_data WHERE image_id = $1::bigint",
                        {QByteArray::number(id)}, {}, true);
    if (!rows) {
        return rows.error();
    }
    if (rows->rows() == 0) {
        return makeError(Service::PostgreSQL, ErrorCode::NotFound,
                         QStringLiteral("no image with id %1").arg(id));
    }
    return rows->bytes(0, 0);
}

Result<QList<qint64>> AdminStore::existing(const QList<qint64>& ids)
{
    const Result<PgResult> rows = m_db.exec(
        "SELECT id FROM images WHERE id = ANY($1::bigint[]) ORDER BY id", {idArrayLiteral(ids)});
    if (!rows) {
        return rows.error();
    }
    return idsOf(rows.value());
}

} // namespace pixelnest::engine
