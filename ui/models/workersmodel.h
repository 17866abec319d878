#pragma once

#include "pixelnest/jobs.h"

#include <QAbstractTableModel>

namespace pixelnest::ui
{

// The dashboard's workers, from the engines' heartbeats: "is this box OK?" at a glance (state,
// load, memory, CPU, GPU memory, jobs, uptime). A worker whose heartbeat key is gone from Redis,
// or whose last beat is older than `kStaleMs`, is shown in red: it stopped or lost Redis, and
// its leases will expire. SortRole gives each column's value to sort by (numbers as numbers).
class WorkersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkersModel)

public:
    enum Column
    {
        Host,
        Device,
        State,
        Load,
        Memory,
        Cpu,
        GpuMemory,
        InFlight,
        Processed,
        Failed,
        Uptime,
        Pipelines,
        LastSeen,
        ColumnCount,
    };
    enum Role
    {
        StaleRole = Qt::UserRole + 1,
        // Its settings fingerprint differs from the one most live engines share.
        SettingsDifferRole,
        SortRole,
        IdRole, // the engine's id, for pause / resume / drain
    };

    explicit WorkersModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Same workers: values change in place; a different set: the model resets.
    void setWorkers(QList<WorkerInfo> workers);
    bool isStale(int row) const;
    bool settingsDiffer(int row) const;
    static constexpr qint64 kStaleMs = 5000;

private:
    QVariant display(const WorkerInfo& worker, int column) const;
    static QVariant sortValue(const WorkerInfo& worker, int column);

    QList<WorkerInfo> m_workers;
    QString m_commonFingerprint; // the live majority's
};

} // namespace pixelnest::ui
