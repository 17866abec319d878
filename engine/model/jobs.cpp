#include "pixelnest/jobs.h"

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
        cursor.key = job.error.left(200); // the store orders by the first 200 characters
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
    };
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
    QJsonArray workers;
    for (const WorkerInfo& worker : stats.workers) {
        workers.append(QJsonObject{
            {QStringLiteral("id"), worker.id},
            {QStringLiteral("host"), worker.host},
            {QStringLiteral("pid"), worker.pid},
            {QStringLiteral("device"), worker.device},
            {QStringLiteral("in_flight"), worker.inFlight},
            {QStringLiteral("processed"), worker.processed},
            {QStringLiteral("failed"), worker.failed},
            {QStringLiteral("last_seen_ms_ago"), worker.lastSeenMsAgo},
        });
    }
    return QJsonObject{{QStringLiteral("counts"), counts},
                       {QStringLiteral("queue_depth"), depth},
                       {QStringLiteral("in_flight"), stats.inFlight},
                       {QStringLiteral("retrying"), stats.retrying},
                       {QStringLiteral("workers"), workers}};
}

} // namespace pixelnest
