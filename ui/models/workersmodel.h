#pragma once

#include "pixelnest/jobs.h"

#include <QAbstractTableModel>

namespace pixelnest::ui
{

// The dashboard's workers, from the engines' heartbeats. A worker whose last heartbeat is
// older than `staleMs` is shown in red: it stopped or lost Redis, and its leases will expire.
class WorkersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkersModel)

public:
    enum Column
    {
        Host,
        Device,
        InFlight,
        Processed,
        Failed,
        LastSeen,
        ColumnCount,
    };
    enum Role
    {
        StaleRole = Qt::UserRole + 1,
        // Its settings fingerprint differs from the one most live engines share.
        SettingsDifferRole,
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

    QList<WorkerInfo> m_workers;
    QString m_commonFingerprint; // the live majority's
};

} // namespace pixelnest::ui
