#include "models/workersmodel.h"

#include "core/statusstyle.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHash>
#include <QJsonValue>
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
    const WorkerInfo& worker = m_workers.at(row);
    return !worker.alive || worker.lastSeenMsAgo > kStaleMs;
}

namespace
{

QJsonValue beatField(const WorkerInfo& worker, const char* name)
{
    return worker.raw.value(QLatin1String(name));
}

QString mebibytes(double bytes)
{
    return QCoreApplication::translate("WorkersModel", "%1 MiB")
        .arg(QLocale().toString(qRound64(bytes / 1048576.0)));
}

} // namespace

QVariant WorkersModel::sortValue(const WorkerInfo& worker, int column)
{
    switch (column) {
    case Load:
        return beatField(worker, "load").toDouble();
    case Memory:
        return beatField(worker, "rss_bytes").toDouble();
    case Cpu:
        return beatField(worker, "cpu_percent").toDouble();
    case GpuMemory:
        return beatField(worker, "gpu_memory_used_bytes").toDouble();
    case InFlight:
        return worker.inFlight;
    case Processed:
        return worker.processed;
    case Failed:
        return worker.failed;
    case Uptime:
        return beatField(worker, "uptime_s").toDouble();
    case LastSeen:
        return worker.lastSeenMsAgo;
    default:
        return {};
    }
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
    case Device: {
        const QString name = beatField(worker, "device_name").toString();
        return name.isEmpty() ? worker.device : tr("%1 (%2)").arg(worker.device, name);
    }
    case State:
        return worker.state.isEmpty() ? tr("running") : worker.state;
    case Load:
        return QLocale().toString(beatField(worker, "load").toDouble(), 'f', 2);
    case Memory:
        return beatField(worker, "rss_bytes").isDouble()
                   ? mebibytes(beatField(worker, "rss_bytes").toDouble())
                   : QStringLiteral("—");
    case Cpu:
        return tr("%1 %").arg(
            QLocale().toString(beatField(worker, "cpu_percent").toDouble(), 'f', 0));
    case GpuMemory: {
        const QJsonValue used = beatField(worker, "gpu_memory_used_bytes");
        if (!used.isDouble()) {
            return QStringLiteral("—"); // no GPU on this engine
        }
        return tr("%1 of %2")
            .arg(mebibytes(used.toDouble()),
                 mebibytes(beatField(worker, "gpu_memory_total_bytes").toDouble()));
    }
    case Uptime: {
        const qint64 seconds = beatField(worker, "uptime_s").toInteger();
        return seconds >= 3600 ? tr("%1 h %2 min").arg(seconds / 3600).arg(seconds / 60 % 60)
                               : tr("%1 min").arg(seconds / 60);
    }
    case Pipelines:
        return worker.pipelines.join(QStringLiteral(", "));
    case InFlight:
    case Processed:
    case Failed:
        return sortValue(worker, column); // the number itself
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
        return stale || differs || worker.state == QLatin1String("stuck")
                   ? QVariant(failedColor(QGuiApplication::palette()))
                   : QVariant();
    case Qt::ToolTipRole:
        if (stale) {
            return tr("No heartbeat for %1 s: this engine stopped or cannot reach Redis")
                .arg(worker.lastSeenMsAgo / 1000);
        }
        if (worker.state == QLatin1String("stuck")) {
            return tr("A job has run past its timeout and its worker thread has not returned");
        }
        return differs ? tr("This engine's settings (max attempts, lease, limits, timeouts, "
                            "pipelines) differ from the other engines': it treats the same job "
                            "differently")
                       : worker.id;
    case SettingsDifferRole:
        return differs;
    case Qt::TextAlignmentRole:
        return (index.column() >= Load && index.column() <= Failed)
                   ? QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case StaleRole:
        return stale;
    case SortRole: {
        const QVariant value = sortValue(worker, index.column());
        return value.isValid() ? value : display(worker, index.column());
    }
    case IdRole:
        return worker.id;
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
    case State:
        return tr("State");
    case Load:
        return tr("Load");
    case Memory:
        return tr("Memory");
    case Cpu:
        return tr("CPU");
    case GpuMemory:
        return tr("GPU memory");
    case Uptime:
        return tr("Up");
    case Pipelines:
        return tr("Pipelines");
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
        if (worker.alive && worker.lastSeenMsAgo <= kStaleMs &&
            !worker.settingsFingerprint.isEmpty()) {
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
