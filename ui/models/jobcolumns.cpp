#include "models/jobcolumns.h"

#include "core/statusstyle.h"

#include <QCoreApplication>
#include <QLocale>

namespace pixelnest::ui
{

namespace
{

QVariant displayText(const JobRecord& job, JobColumn column)
{
    switch (column) {
    case JobColumn::Id:
        return job.id;
    case JobColumn::Title:
        return job.title.isEmpty() ? QCoreApplication::translate("JobColumns", "(untitled)")
                                   : job.title;
    case JobColumn::Status: {
        // A queued job that may not start yet says when it will.
        const QString shown = job.displayStatus();
        if (shown == QLatin1String("scheduled")) {
            return QCoreApplication::translate("JobColumns", "Scheduled %1")
                .arg(formatTime(job.notBefore));
        }
        if (shown == QLatin1String("retrying")) {
            return QCoreApplication::translate("JobColumns", "Retrying %1")
                .arg(formatTime(job.notBefore));
        }
        return statusLabel(job.status);
    }
    case JobColumn::Priority:
        return job.priority;
    case JobColumn::Attempts:
        return job.attempts;
    case JobColumn::Worker:
        return job.worker;
    case JobColumn::Created:
        return formatTime(job.createdAt);
    case JobColumn::Finished:
        return formatTime(job.finishedAt);
    case JobColumn::Error:
        return job.error.section(QLatin1Char('\n'), 0, 0);
    case JobColumn::Count:
        break;
    }
    return {};
}

} // namespace

QString formatTime(const QDateTime& time)
{
    if (!time.isValid()) {
        return QStringLiteral("—");
    }
    return QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString jobColumnTitle(JobColumn column)
{
    switch (column) {
    case JobColumn::Id:
        return QCoreApplication::translate("JobColumns", "Id");
    case JobColumn::Title:
        return QCoreApplication::translate("JobColumns", "Title");
    case JobColumn::Status:
        return QCoreApplication::translate("JobColumns", "Status");
    case JobColumn::Priority:
        return QCoreApplication::translate("JobColumns", "Priority");
    case JobColumn::Attempts:
        return QCoreApplication::translate("JobColumns", "Attempts");
    case JobColumn::Worker:
        return QCoreApplication::translate("JobColumns", "Worker");
    case JobColumn::Created:
        return QCoreApplication::translate("JobColumns", "Created");
    case JobColumn::Finished:
        return QCoreApplication::translate("JobColumns", "Finished");
    case JobColumn::Error:
        return QCoreApplication::translate("JobColumns", "Error");
    case JobColumn::Count:
        break;
    }
    return {};
}

JobSortKey jobColumnSortKey(JobColumn column)
{
    switch (column) {
    case JobColumn::Id:
        return JobSortKey::Id;
    case JobColumn::Title:
        return JobSortKey::Title;
    case JobColumn::Status:
        return JobSortKey::Status;
    case JobColumn::Priority:
        return JobSortKey::Priority;
    case JobColumn::Attempts:
        return JobSortKey::Attempts;
    case JobColumn::Worker:
        return JobSortKey::Worker;
    case JobColumn::Created:
        return JobSortKey::Created;
    case JobColumn::Finished:
        return JobSortKey::Finished;
    case JobColumn::Error:
        return JobSortKey::Error;
    case JobColumn::Count:
        break;
    }
    return JobSortKey::Id;
}

QVariant jobCellData(const JobRecord& job, JobColumn column, int role, const QPalette& palette)
{
    switch (role) {
    case Qt::DisplayRole:
        return displayText(job, column);
    case Qt::ToolTipRole:
        if (column == JobColumn::Error && !job.error.isEmpty()) {
            return job.error;
        }
        if (column == JobColumn::Title) {
            return job.title;
        }
        return {};
    case Qt::DecorationRole:
        // A pixmap, not an icon: the view's icon size is the thumbnails'; a pixmap keeps its own.
        return column == JobColumn::Status
                   ? QVariant(statusIcon(job.status, palette).pixmap(QSize(16, 16)))
                   : QVariant();
    case Qt::ForegroundRole:
        if (column == JobColumn::Status) {
            return statusColor(job.status, palette);
        }
        if (column == JobColumn::Error) {
            return failedColor(palette);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == JobColumn::Id || column == JobColumn::Priority ||
            column == JobColumn::Attempts) {
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

} // namespace pixelnest::ui
