#pragma once

#include "pixelnest/adminservice.h"

#include <QIODevice>

namespace pixelnest::ui
{

enum class ExportFormat
{
    Csv,
    Json, // an array of the objects `pixelnest jobs --json` prints
};

// CSV: one row per job with the result summarised (face count, moderation label) and the
// whole result JSON in the last column. Text cells that a spreadsheet would run as a formula
// (=, +, -, @ first) are prefixed with an apostrophe.
QByteArray csvHeader();
QByteArray csvRow(const JobRecord& job);
QByteArray csvField(const QString& text, bool guardFormula = true);

// Writes the jobs `ids` (or, when empty, every job `all` matches, page by page) to `path`
// atomically (QSaveFile), off the GUI thread as the pages arrive. Yields how many were written.
QFuture<Result<int>> exportJobs(AdminService& service, const QString& path, ExportFormat format,
                                const QList<qint64>& ids, const JobQuery& all);

} // namespace pixelnest::ui
