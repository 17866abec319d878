#pragma once

#include "pixelnest/adminservice.h"
#include "pixelnest/jobs.h"
#include "pixelnest/result.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace pixelnest::ui
{

class ThumbnailCache;

// The Images table over a million rows: a paged model. Rows arrive a page at a time
// (canFetchMore/fetchMore) by keyset pagination in any column's order, each page queried
// through the admin service (its browse lane); the GUI thread only appends what came back. Filter,
// search and sort start over from the first page, and the old rows stay until it arrives (no
// flicker).
//
// Live updates: noteChanged() collects the ids that NOTIFY announced; every ~250 ms one query
// re-reads those that are loaded and the model emits one dataChanged over them. New rows are
// put on top when the order is newest first (the default) and they pass the filter; in other
// orders they appear on the next reload, where their position is known. A row whose new status
// leaves the filter stays until then too, so rows do not jump away under the pointer.
class JobTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTableModel)

public:
    enum Role
    {
        JobIdRole = Qt::UserRole + 1,
        StatusRole, // the status name ("failed")
    };

    JobTableModel(AdminService* service, ThumbnailCache* thumbnails, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setStatusFilter(std::optional<JobStatus> status);
    void setTitleFilter(const QString& text);
    // The filters beyond status and search (pipeline, worker, priority and date ranges, label,
    // faces) from `filters`; reloads when they changed.
    void setMoreFilters(const JobQuery& filters);
    const JobQuery& query() const { return m_query; }
    // Starts over from the first page (the first call activates the model: filter and sort
    // changes before it only record what to ask for).
    void reload();
    // Ids announced by NOTIFY; re-read on the next tick.
    void noteChanged(const QList<qint64>& ids);
    // After an outage: everything loaded is re-read (what changed meanwhile was not announced).
    void refreshLoaded();

    const JobRecord& record(int row) const { return m_rows.at(row); }
    int rowOf(qint64 id) const { return m_rowOf.value(id, -1); }
    bool isLoading() const { return m_loading; }
    bool isAtEnd() const { return m_atEnd; }
    void setPageSize(int rows) { m_pageSize = rows; }
    static constexpr int kTickMs = 250;

Q_SIGNALS:
    void pageLoaded(int rows, qint64 elapsedMs);
    void loadFailed(const QString& message);
    // After a live tick: these loaded rows were re-read (the detail pane follows its job).
    void rowsRefreshed(const QList<qint64>& ids);

private:
    void requestPage(bool fromStart);
    void acceptPage(bool fromStart, QList<JobRecord> rows);
    void tick();
    void applyRefresh(const QList<JobRecord>& changed, QList<JobRecord> added);
    bool insertsOnTop() const;
    void reindex();
    void onThumbnails(const QList<qint64>& ids);

    AdminService* m_service;
    ThumbnailCache* m_thumbnails;
    JobQuery m_query;
    QList<JobRecord> m_rows;
    QHash<qint64, int> m_rowOf;
    int m_pageSize = 200;
    int m_generation = 0; // a filter, search or sort change makes older answers stale
    bool m_loading = false;
    bool m_atEnd = false;
    bool m_failed = false;
    QSet<qint64> m_pending;
    QTimer m_tick;
    bool m_refreshing = false;
    bool m_started = false;
};

} // namespace pixelnest::ui
