#pragma once

#include "pixelnest/jobs.h"

#include <QAbstractTableModel>

namespace pixelnest::ui
{

// The detail pane's attempts: one row per claim (who, when, how it ended, why).
class AttemptHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttemptHistoryModel)

public:
    enum Column
    {
        Attempt,
        Worker,
        Started,
        Finished,
        Outcome,
        Error,
        ColumnCount,
    };

    explicit AttemptHistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setHistory(QList<AttemptRecord> history);

private:
    QString outcomeLabel(const QString& outcome) const;

    QList<AttemptRecord> m_history;
};

} // namespace pixelnest::ui
