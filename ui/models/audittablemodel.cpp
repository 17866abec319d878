#include "models/audittablemodel.h"

#include <QJsonDocument>
#include <QLocale>

namespace pixelnest::ui
{

AuditTableModel::AuditTableModel(AdminService* service, QObject* parent)
    : QAbstractTableModel(parent), m_service(service)
{
}

int AuditTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size()) {
        return {};
    }
    const AuditEntry& entry = m_entries.at(index.row());
    if (role == Qt::ToolTipRole) {
        // What the row records, old values included, for the curious (a summary: the first ids,
        // and no per-job values of a submission; `pixelnest audit --json` prints it all).
        QJsonObject json = auditEntryJson(entry);
        QString text =
            QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)).left(4000);
        if (entry.idsTotal > entry.ids.size()) {
            text += tr("\n(%n job(s) in all)", "", int(entry.idsTotal));
        }
        return text;
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case At:
        return QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat);
    case Login:
        return entry.login;
    case RoleColumn:
        return entry.role;
    case Client:
        return entry.client;
    case Action:
        return entry.action;
    case Count:
        return entry.count;
    case Jobs:
        return auditTargetsText(entry);
    case Change:
        return auditChangeText(entry);
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case At:
        return tr("When");
    case Login:
        return tr("Login");
    case RoleColumn:
        return tr("Role");
    case Client:
        return tr("Client");
    case Action:
        return tr("Action");
    case Count:
        return tr("Jobs changed");
    case Jobs:
        return tr("Ids or filter");
    case Change:
        return tr("New value");
    default:
        return {};
    }
}

bool AuditTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && !m_entries.isEmpty();
}

void AuditTableModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent)) {
        loadPage();
    }
}

void AuditTableModel::setQuery(const AuditQuery& query)
{
    m_query = query;
    reload();
}

void AuditTableModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_entries.clear();
    m_atEnd = false;
    m_loading = false;
    endResetModel();
    loadPage();
}

void AuditTableModel::loadPage()
{
    m_loading = true;
    AuditQuery page = m_query;
    page.limit = kPageSize;
    page.summary = true; // the table shows a few ids and the new value
    page.beforeId = m_entries.isEmpty() ? 0 : m_entries.last().id;
    const int generation = m_generation;
    m_service->audit(page).then(this, [this, generation](const Result<QList<AuditEntry>>& rows) {
        if (generation != m_generation) {
            return;
        }
        m_loading = false;
        if (!rows) {
            m_atEnd = true;
            Q_EMIT loadFailed(rows.error());
            return;
        }
        m_atEnd = rows->size() < kPageSize;
        if (!rows->isEmpty()) {
            const int first = int(m_entries.size());
            beginInsertRows({}, first, first + int(rows->size()) - 1);
            m_entries.append(rows.value());
            endInsertRows();
        }
        Q_EMIT pageLoaded();
    });
}

} // namespace pixelnest::ui
