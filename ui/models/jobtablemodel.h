#pragma once

#include "models/loadedrows.h"
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

// The Images table over a million rows: a sparse model. Its row count is the number of rows
// matching the filter, so the scrollbar is to scale and can be dragged anywhere; rows are read a
// page at a time only where the view looks. A row not read yet shows a placeholder and asks for
// its page, which is fetched from the nearest known place: right after a loaded row (keyset),
// right before one (the reverse order), or from the nearer end with OFFSET. A jump to row
// 600,000 therefore skips rows inside PostgreSQL and loads nothing before it. Every query goes
// through the admin service's browse lane (off the GUI thread); the GUI thread only places what
// came back.
//
// Filter, search and sort start over from the first page (the old rows stay until it arrives: no
// flicker); the count follows it in the same lane.
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

    // Asks for rows first..last (what painting an unloaded row does); their pages arrive later.
    void fetchRows(int first, int last) const;
    // The row, or nullptr while it is not loaded.
    const JobRecord* recordAt(int row) const;
    // The row, or an empty record (id 0) while it is not loaded.
    const JobRecord& record(int row) const;
    int rowOf(qint64 id) const { return m_rows.rowOf(id); }
    // The ids of the loaded rows among first..last, in row order.
    QList<qint64> loadedIds(int first, int last) const;
    int loadedCount() const { return m_rows.count(); }
    bool isLoaded(int first, int last) const;
    bool isLoading() const { return m_loading || m_counting; }
    void setPageSize(int rows) { m_pageSize = rows; }
    static constexpr int kTickMs = 250;

Q_SIGNALS:
    void pageLoaded(int rows, qint64 elapsedMs);
    // The table's length changed, or a reload landed (then it may be the first page's, until
    // the count follows).
    void totalChanged(int rows);
    void loadFailed(const QString& message);
    // After a live tick: these loaded rows were re-read (the detail pane follows its job).
    void rowsRefreshed(const QList<qint64>& ids);

private:
    // Where a page is read from: `offset` rows past `after` (or past the start) in the model's
    // order, or in the reverse order when `reverse` (then the answer is flipped).
    struct PageRequest
    {
        int first = 0; // the page's first row
        int rows = 0;
        int offset = 0;
        std::optional<JobCursor> after;
        bool reverse = false;
    };

    void requestFirstPage();
    void requestCount();
    void fetchWanted();
    std::optional<PageRequest> planPage() const;
    void acceptPage(const PageRequest& request, QList<JobRecord> rows);
    void place(int first, QList<JobRecord> rows);
    void resync();
    void setTotal(int rows);
    void tick();
    void applyRefresh(const QList<JobRecord>& changed, QList<JobRecord> added);
    bool insertsOnTop() const;
    void onThumbnails(const QList<qint64>& ids);

    AdminService* m_service;
    ThumbnailCache* m_thumbnails;
    JobQuery m_query;
    LoadedRows m_rows;
    int m_total = 0;
    int m_pageSize = 200;
    int m_generation = 0; // a filter, search or sort change makes older answers stale
    bool m_loading = false;
    bool m_counting = false;
    bool m_firstPagePending = false; // a reload's first page is in flight
    std::optional<int> m_totalAhead; // the count, when it came before that page
    bool m_filterChanged = true;     // since the last count (a new order keeps the count)
    bool m_failed = false;
    // The rows the view asked for since the last page (data() is const, hence mutable).
    mutable int m_wantFirst = -1;
    mutable int m_wantLast = -1;
    mutable QTimer m_fetchSoon;
    QSet<qint64> m_pending;
    QTimer m_tick;
    bool m_refreshing = false;
    bool m_started = false;
};

} // namespace pixelnest::ui
