#include "pixelnest/jobs.h"

#include <algorithm>

#include <QJsonArray>

namespace pixelnest
{

namespace
{

QJsonValue isoOrNull(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// The first `count` characters as PostgreSQL's left() counts them in a UTF8 database (the
// local stack's; a SQL_ASCII one would count bytes): code points, where QString counts UTF-16
// units (a character outside the BMP is two of them, never to be split).
QString firstCodePoints(const QString& text, int count)
{
    qsizetype end = 0;
    for (int taken = 0; taken < count && end < text.size(); ++taken) {
        const bool pair = text.at(end).isHighSurrogate() && end + 1 < text.size() &&
                          text.at(end + 1).isLowSurrogate();
        end += pair ? 2 : 1;
    }
    return text.left(end);
}

} // namespace

QString statusName(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return QStringLiteral("queued");
    case JobStatus::Processing:
        return QStringLiteral("processing");
    case JobStatus::Completed:
        return QStringLiteral("completed");
    case JobStatus::Failed:
        return QStringLiteral("failed");
    case JobStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QList<JobStatus> allStatuses()
{
    return {JobStatus::Queued, JobStatus::Processing, JobStatus::Completed, JobStatus::Failed,
            JobStatus::Cancelled};
}

std::optional<JobStatus> parseStatus(const QString& name)
{
    for (JobStatus status : allStatuses()) {
        if (statusName(status) == name) {
            return status;
        }
    }
    return std::nullopt;
}

Result<void> checkPriority(qint64 priority)
{
    if (priority >= kMinPriority && priority <= kMaxPriority) {
        return {};
    }
    return makeError(Service::Input, ErrorCode::InvalidInput,
                     QStringLiteral("priority %1 is out of range: use an integer from %2 to %3 "
                                    "(higher runs first)")
                         .arg(priority)
                         .arg(kMinPriority)
                         .arg(kMaxPriority));
}

JobCursor cursorAfter(const JobRecord& job, JobSortKey sortBy)
{
    JobCursor cursor;
    cursor.id = job.id;
    switch (sortBy) {
    case JobSortKey::Id:
    case JobSortKey::Created:
        cursor.key = QString::number(job.id);
        break;
    case JobSortKey::Title:
        cursor.key = job.title;
        break;
    case JobSortKey::Status:
        cursor.key = statusName(job.status);
        break;
    case JobSortKey::Priority:
        cursor.key = QString::number(job.priority);
        break;
    case JobSortKey::Attempts:
        cursor.key = QString::number(job.attempts);
        break;
    case JobSortKey::Worker:
        cursor.key = job.worker;
        break;
    case JobSortKey::Finished:
        // Milliseconds, as the store rounds them; empty for "not finished".
        cursor.key = job.finishedAt.isValid() ? QString::number(job.finishedAt.toMSecsSinceEpoch())
                                              : QString();
        break;
    case JobSortKey::Error:
        cursor.key = firstCodePoints(job.error, 200); // the store orders by their first 200
        break;
    }
    return cursor;
}

QJsonObject toJson(const JobRecord& job)
{
    return QJsonObject{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("title"), job.title},
        {QStringLiteral("status"), statusName(job.status)},
        {QStringLiteral("priority"), job.priority},
        {QStringLiteral("pipeline"), job.pipeline},
        {QStringLiteral("attempts"), job.attempts},
        {QStringLiteral("error"), textOrNull(job.error)},
        {QStringLiteral("result"), job.result.isEmpty() ? QJsonValue() : QJsonValue(job.result)},
        {QStringLiteral("worker"), textOrNull(job.worker)},
        {QStringLiteral("created_at"), isoOrNull(job.createdAt)},
        {QStringLiteral("started_at"), isoOrNull(job.startedAt)},
        {QStringLiteral("finished_at"), isoOrNull(job.finishedAt)},
        // Beyond DESIGN.md's keys: when a queued job may start (scheduled, or a retry's
        // backoff) and when it expires unstarted.
        {QStringLiteral("not_before"), isoOrNull(job.notBefore)},
        {QStringLiteral("expires_at"), isoOrNull(job.expiresAt)},
    };
}

bool JobQuery::filters() const
{
    return status || !titleContains.isEmpty() || !ids.isEmpty() || !pipeline.isEmpty() ||
           !worker.isEmpty() || minPriority || maxPriority || createdSince.isValid() ||
           createdUntil.isValid() || !label.isEmpty() || faces;
}

QString encodeCursor(const JobCursor& cursor)
{
    const QByteArray plain = QByteArray::number(cursor.id) + ' ' + cursor.key.toUtf8();
    return QString::fromLatin1(
        plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<JobCursor> decodeCursor(const QString& text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    const QByteArray& plain = *decoded;
    const qsizetype space = plain.indexOf(' ');
    bool ok = false;
    const qint64 id = plain.left(space).toLongLong(&ok);
    if (space < 0 || !ok) {
        return std::nullopt;
    }
    return JobCursor{QString::fromUtf8(plain.mid(space + 1)), id};
}

QString JobRecord::displayStatus() const
{
    if (status == JobStatus::Queued && notBefore.isValid() &&
        notBefore > QDateTime::currentDateTimeUtc()) {
        return attempts > 0 ? QStringLiteral("retrying") : QStringLiteral("scheduled");
    }
    return statusName(status);
}

QJsonObject toJson(const JobDetail& detail)
{
    QJsonObject object = toJson(detail.job);
    QJsonArray history;
    for (const AttemptRecord& attempt : detail.history) {
        history.append(QJsonObject{
            {QStringLiteral("attempt"), attempt.attempt},
            {QStringLiteral("worker"), attempt.worker},
            {QStringLiteral("started_at"), isoOrNull(attempt.startedAt)},
            {QStringLiteral("finished_at"), isoOrNull(attempt.finishedAt)},
            {QStringLiteral("outcome"), textOrNull(attempt.outcome)},
            {QStringLiteral("error"), textOrNull(attempt.error)},
        });
    }
    object.insert(QStringLiteral("history"), history);
    return object;
}

QJsonObject toJson(const WorkerInfo& worker)
{
    const auto field = [&worker](const char* name) {
        return worker.raw.value(QLatin1String(name));
    };
    return QJsonObject{
        {QStringLiteral("id"), worker.id},
        {QStringLiteral("host"), worker.host},
        {QStringLiteral("pid"), worker.pid},
        {QStringLiteral("version"), field("version")},
        {QStringLiteral("device"), worker.device},
        {QStringLiteral("device_name"), field("device_name")},
        {QStringLiteral("load"), field("load")},
        {QStringLiteral("rss_bytes"), field("rss_bytes")},
        {QStringLiteral("cpu_percent"), field("cpu_percent")},
        {QStringLiteral("gpu_memory_used_bytes"), field("gpu_memory_used_bytes")},
        {QStringLiteral("gpu_memory_total_bytes"), field("gpu_memory_total_bytes")},
        {QStringLiteral("in_flight"), worker.inFlight},
        {QStringLiteral("processed"), worker.processed},
        {QStringLiteral("failed"), worker.failed},
        {QStringLiteral("uptime_s"), field("uptime_s")},
        {QStringLiteral("pipelines"), QJsonArray::fromStringList(worker.pipelines)},
        {QStringLiteral("state"), worker.state},
        {QStringLiteral("last_seen_ms_ago"), worker.lastSeenMsAgo},
    };
}

QStringList QueueStats::unservedPipelines() const
{
    QStringList unserved;
    for (auto it = readyByPipeline.cbegin(); it != readyByPipeline.cend(); ++it) {
        const bool served = std::any_of(workers.cbegin(), workers.cend(), [&it](const auto& w) {
            return w.alive && w.pipelines.contains(it.key());
        });
        if (it.value() > 0 && !served) {
            unserved.append(it.key());
        }
    }
    return unserved;
}

QJsonObject toJson(const QueueStats& stats)
{
    QJsonObject counts;
    for (JobStatus status : allStatuses()) {
        counts.insert(statusName(status), stats.counts.value(status, 0));
    }
    QJsonObject depth;
    for (auto it = stats.queueDepth.cbegin(); it != stats.queueDepth.cend(); ++it) {
        depth.insert(QString::number(it.key()), it.value());
    }
    QJsonArray workers; // live engines only: a dead one leaves the count
    for (const WorkerInfo& worker : stats.workers) {
        if (worker.alive) {
            workers.append(toJson(worker));
        }
    }
    QJsonObject pipelines;
    QMap<QString, qint64> known = stats.readyByPipeline;
    for (auto it = stats.rateLimits.cbegin(); it != stats.rateLimits.cend(); ++it) {
        known.insert(it.key(), stats.readyByPipeline.value(it.key()));
    }
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        const qint64 engines =
            std::count_if(stats.workers.cbegin(), stats.workers.cend(), [&it](const auto& w) {
                return w.alive && w.pipelines.contains(it.key());
            });
        pipelines.insert(it.key(), QJsonObject{{QStringLiteral("waiting"), it.value()},
                                               {QStringLiteral("paused"),
                                                stats.paused.contains(it.key()) ||
                                                    stats.paused.contains(QStringLiteral("*"))},
                                               {QStringLiteral("engines"), engines},
                                               {QStringLiteral("rate_limit"),
                                                stats.rateLimits.contains(it.key())
                                                    ? QJsonValue(stats.rateLimits.value(it.key()))
                                                    : QJsonValue()}});
    }
    return QJsonObject{{QStringLiteral("counts"), counts},
                       {QStringLiteral("queue_depth"), depth},
                       {QStringLiteral("in_flight"), stats.inFlight},
                       {QStringLiteral("retrying"), stats.retrying},
                       {QStringLiteral("workers"), workers},
                       {QStringLiteral("paused"), QJsonArray::fromStringList(stats.paused)},
                       {QStringLiteral("pipelines"), pipelines}};
}

} // namespace pixelnest
