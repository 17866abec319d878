#include "models/workersmodel.h"

#include "core/statusstyle.h"

#include <QGuiApplication>
#include <QLocale>

namespace pixelnest::ui
{

WorkersModel::WorkersModel(QObject* parent) : QAbstractTableModel(parent) {}

int WorkersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_workers.size());
}

int WorkersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool WorkersModel::isStale(int row) const
{
    return m_workers.at(row).lastSeenMsAgo > kStaleMs;
}

QVariant WorkersModel::display(const WorkerInfo& worker, int column) const
{
    switch (column) {
    case Host:
        return worker.pid > 0 ? tr("%1 (pid %2)").arg(worker.host).arg(worker.pid) : worker.host;
    case Device:
        return worker.device;
    case InFlight:
        return worker.inFlight;
    case Processed:
        return worker.processed;
    case Failed:
        return worker.failed;
    case LastSeen:
        if (worker.lastSeenMsAgo < 1000) {
            return tr("just now");
        }
        return tr("%1 s ago").arg(QLocale().toString(worker.lastSeenMsAgo / 1000));
    default:
        return {};
    }
}

QVariant WorkersModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const WorkerInfo& worker = m_workers.at(index.row());
    const bool stale = isStale(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(worker, index.column());
    case Qt::ForegroundRole:
        return stale ? QVariant(failedColor(QGuiApplication::palette())) : QVariant();
    case Qt::ToolTipRole:
        return stale ? tr("No heartbeat for %1 s: this engine stopped or cannot reach Redis")
                           .arg(worker.lastSeenMsAgo / 1000)
                     : worker.id;
    case Qt::TextAlignmentRole:
        return index.column() >= InFlight && index.column() <= Failed
                   ? QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case StaleRole:
        return stale;
    default:
        return {};
    }
}

QVariant WorkersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Host:
        return tr("Host");
    case Device:
        return tr("Device");
    case InFlight:
        return tr("In flight");
    case Processed:
        return tr("Processed");
    case Failed:
        return tr("Failed");
    case LastSeen:
        return tr("Last seen");
    default:
        return {};
    }
}

void WorkersModel::setWorkers(QList<WorkerInfo> workers)
{
    std::sort(workers.begin(), workers.end(),
              [](const WorkerInfo& a, const WorkerInfo& b) { return a.id < b.id; });
    bool sameSet = workers.size() == m_workers.size();
    for (qsizetype i = 0; sameSet && i < workers.size(); ++i) {
        sameSet = workers[i].id == m_workers[i].id;
    }
    if (!sameSet) {
        beginResetModel();
        m_workers = std::move(workers);
        endResetModel();
        return;
    }
    m_workers = std::move(workers);
    if (!m_workers.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

} // namespace pixelnest::ui
