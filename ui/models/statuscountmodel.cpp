#include "models/statuscountmodel.h"

#include "core/statusstyle.h"

#include <QGuiApplication>
#include <QLocale>

namespace pixelnest::ui
{

StatusCountModel::StatusCountModel(QObject* parent) : QAbstractListModel(parent) {}

int StatusCountModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(allStatuses().size()) + 1;
}

std::optional<JobStatus> StatusCountModel::statusAt(int row) const
{
    if (row <= 0 || row > allStatuses().size()) {
        return std::nullopt;
    }
    return allStatuses().at(row - 1);
}

int StatusCountModel::rowOf(std::optional<JobStatus> status) const
{
    return status ? int(allStatuses().indexOf(*status)) + 1 : 0;
}

qint64 StatusCountModel::countAt(int row) const
{
    if (const auto status = statusAt(row)) {
        return m_counts.value(*status);
    }
    qint64 total = 0;
    for (qint64 count : m_counts) {
        total += count;
    }
    return total;
}

QVariant StatusCountModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const std::optional<JobStatus> status = statusAt(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = status ? statusLabel(*status) : tr("All statuses");
        if (!m_known) {
            return name;
        }
        return tr("%1 (%2)").arg(name, QLocale().toString(countAt(index.row())));
    }
    case Qt::DecorationRole:
        return status ? QVariant(statusIcon(*status, QGuiApplication::palette())) : QVariant();
    case StatusNameRole:
        return status ? statusName(*status) : QString();
    case CountRole:
        return countAt(index.row());
    default:
        return {};
    }
}

void StatusCountModel::setCounts(const QMap<JobStatus, qint64>& counts)
{
    if (m_known && counts == m_counts) {
        return;
    }
    m_counts = counts;
    m_known = true;
    Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, CountRole});
}

} // namespace pixelnest::ui
