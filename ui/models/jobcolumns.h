#pragma once

#include "pixelnest/jobs.h"

#include <QPalette>
#include <QVariant>

namespace pixelnest::ui
{

// The Images table's columns: headers, what each cell shows, and the store's sort key.
enum class JobColumn
{
    Id,
    Title, // with the thumbnail
    Status,
    Priority,
    Attempts,
    Worker,
    Created,
    Finished,
    Error,
    Count,
};

inline constexpr int kJobColumnCount = int(JobColumn::Count);

QString jobColumnTitle(JobColumn column);
JobSortKey jobColumnSortKey(JobColumn column);
// Qt::DisplayRole, ToolTipRole, ForegroundRole, DecorationRole (status), TextAlignmentRole.
QVariant jobCellData(const JobRecord& job, JobColumn column, int role, const QPalette& palette);
QString formatTime(const QDateTime& time); // local, short, or an em dash when unset

} // namespace pixelnest::ui
