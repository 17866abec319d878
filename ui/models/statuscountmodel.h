#pragma once

#include "pixelnest/jobs.h"

#include <QAbstractListModel>
#include <QMap>

namespace pixelnest::ui
{

// The status filter's choices with their counts: "All (1,000,000)", "Failed (12)", …
class StatusCountModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusCountModel)

public:
    enum Role
    {
        StatusNameRole = Qt::UserRole + 1, // empty for "All"
        CountRole,
    };

    explicit StatusCountModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setCounts(const QMap<JobStatus, qint64>& counts);
    std::optional<JobStatus> statusAt(int row) const;
    int rowOf(std::optional<JobStatus> status) const;
    qint64 countAt(int row) const;

private:
    QMap<JobStatus, qint64> m_counts;
    bool m_known = false; // no counts before the first stats arrive
};

} // namespace pixelnest::ui
