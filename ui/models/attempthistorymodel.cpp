#include "models/attempthistorymodel.h"

#include "core/statusstyle.h"
#include "models/jobcolumns.h"

#include <QGuiApplication>

namespace pixelnest::ui
{

AttemptHistoryModel::AttemptHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

int AttemptHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_history.size());
}

int AttemptHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AttemptHistoryModel::outcomeLabel(const QString& outcome) const
{
    if (outcome.isEmpty()) {
        return tr("running");
    }
    if (outcome == QLatin1String("completed")) {
        return tr("completed");
    }
    if (outcome == QLatin1String("failed")) {
        return tr("failed");
    }
    if (outcome == QLatin1String("retry")) {
        return tr("retried");
    }
    if (outcome == QLatin1String("lease_lost")) {
        return tr("lease lost");
    }
    if (outcome == QLatin1String("cancelled")) {
        return tr("cancelled");
    }
    return outcome;
}

QVariant AttemptHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AttemptRecord& attempt = m_history.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == Outcome) {
        if (attempt.outcome == QLatin1String("completed")) {
            return completedColor(QGuiApplication::palette());
        }
        return attempt.outcome.isEmpty() ? QVariant() : failedColor(QGuiApplication::palette());
    }
    if (role == Qt::ToolTipRole && index.column() == Error) {
        return attempt.error;
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Attempt:
        return attempt.attempt;
    case Worker:
        return attempt.worker;
    case Started:
        return formatTime(attempt.startedAt);
    case Finished:
        return formatTime(attempt.finishedAt);
    case Outcome:
        return outcomeLabel(attempt.outcome);
    case Error:
        return attempt.error;
    default:
        return {};
    }
}

QVariant AttemptHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Attempt:
        return tr("#");
    case Worker:
        return tr("Worker");
    case Started:
        return tr("Started");
    case Finished:
        return tr("Finished");
    case Outcome:
        return tr("Outcome");
    case Error:
        return tr("Error");
    default:
        return {};
    }
}

void AttemptHistoryModel::setHistory(QList<AttemptRecord> history)
{
    beginResetModel();
    m_history = std::move(history);
    endResetModel();
}

} // namespace pixelnest::ui
