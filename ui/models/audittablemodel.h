#pragma once

#include "pixelnest/adminservice.h"

#include <QAbstractTableModel>

namespace pixelnest::ui
{

// The audit trail, newest first, a page at a time: the view asks for more (fetchMore) as it
// scrolls, so a trail of millions of changes costs one page to open.
class AuditTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTableModel)

public:
    enum Column
    {
        At,
        Login,
        RoleColumn,
        Client,
        Action,
        Count,
        Jobs,
        Change,
        ColumnCount,
    };
    static constexpr int kPageSize = 200;

    explicit AuditTableModel(AdminService* service, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Filters (login, action, since) apply from the first page again.
    void setQuery(const AuditQuery& query);
    AuditQuery query() const { return m_query; }
    void reload();
    const AuditEntry& entry(int row) const { return m_entries.at(row); }

Q_SIGNALS:
    void pageLoaded();
    void loadFailed(const Error& error);

private:
    void loadPage();

    AdminService* m_service;
    AuditQuery m_query;
    QList<AuditEntry> m_entries;
    bool m_loading = false;
    bool m_atEnd = false;
    int m_generation = 0; // answers for an older query are dropped
};

} // namespace pixelnest::ui
