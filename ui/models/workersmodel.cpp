#include "models/workersmodel.h"

#include "core/statusstyle.h"

#include <QGuiApplication>
#include <QHash>
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

bool WorkersModel::settingsDiffer(int row) const
{
    const QString& mine = m_workers.at(row).settingsFingerprint;
    return !m_commonFingerprint.isEmpty() && !mine.isEmpty() && mine != m_commonFingerprint;
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
    const bool differs = settingsDiffer(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(worker, index.column());
    case Qt::ForegroundRole:
        return stale || differs ? QVariant(failedColor(QGuiApplication::palette())) : QVariant();
    case Qt::ToolTipRole:
        if (stale) {
            return tr("No heartbeat for %1 s: this engine stopped or cannot reach Redis")
                .arg(worker.lastSeenMsAgo / 1000);
        }
        return differs ? tr("This engine's settings (max attempts, lease, limits, timeouts, "
                            "pipelines) differ from the other engines': it treats the same job "
                            "differently")
                       : worker.id;
    case SettingsDifferRole:
        return differs;
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
    QHash<QString, int> votes;
    for (const WorkerInfo& worker : std::as_const(workers)) {
        if (worker.lastSeenMsAgo <= kStaleMs && !worker.settingsFingerprint.isEmpty()) {
            ++votes[worker.settingsFingerprint];
        }
    }
    m_commonFingerprint.clear();
    int most = 0;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
        if (it.value() > most || (it.value() == most && it.key() < m_commonFingerprint)) {
            most = it.value();
            m_commonFingerprint = it.key();
        }
    }
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
