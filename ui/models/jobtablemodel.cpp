// Why this file is long: the model's three parts share its state and its signals: where each
// page is read from (and what a page that came back means for the table's length), the count,
// and live updates that change loaded rows or push them down. The loaded rows themselves live in
// LoadedRows.
#include "models/jobtablemodel.h"

#include "core/logging.h"
#include "models/jobcolumns.h"
#include "models/thumbnailcache.h"

#include <QGuiApplication>
#include <QPair>

#include <algorithm>
#include <limits>

namespace pixelnest::ui
{

JobTableModel::JobTableModel(AdminService* service, ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractTableModel(parent), m_service(service), m_thumbnails(thumbnails)
{
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &JobTableModel::tick);
    // Painting asks for many rows in a row; one page request follows, in the next event round.
    m_fetchSoon.setSingleShot(true);
    m_fetchSoon.setInterval(0);
    connect(&m_fetchSoon, &QTimer::timeout, this, &JobTableModel::fetchWanted);
    if (m_thumbnails != nullptr) {
        connect(m_thumbnails, &ThumbnailCache::thumbnailsReady, this, &JobTableModel::onThumbnails);
    }
}

int JobTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int JobTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kJobColumnCount;
}

QVariant JobTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto column = JobColumn(index.column());
    const JobRecord* job = recordAt(index.row());
    if (job == nullptr) {
        fetchRows(index.row(), index.row());
        if (role == Qt::DisplayRole && column == JobColumn::Title) {
            return tr("Loading…");
        }
        return {};
    }
    if (role == JobIdRole) {
        return job->id;
    }
    if (role == StatusRole) {
        return statusName(job->status);
    }
    if (role == Qt::DecorationRole && column == JobColumn::Title && m_thumbnails != nullptr) {
        return m_thumbnails->thumbnail(job->id);
    }
    return jobCellData(*job, column, role, QGuiApplication::palette());
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kJobColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole) {
        return jobColumnTitle(JobColumn(section));
    }
    return {};
}

const JobRecord* JobTableModel::recordAt(int row) const
{
    return m_rows.at(row);
}

const JobRecord& JobTableModel::record(int row) const
{
    static const JobRecord kNotLoaded;
    const JobRecord* job = recordAt(row);
    return job != nullptr ? *job : kNotLoaded;
}

QList<qint64> JobTableModel::loadedIds(int first, int last) const
{
    return m_rows.ids(first, last);
}

bool JobTableModel::isLoaded(int first, int last) const
{
    return m_rows.firstMissing(first, qMin(last, m_total - 1)) < 0;
}

void JobTableModel::fetchRows(int first, int last) const
{
    if (!m_started || m_total == 0) {
        return;
    }
    // A row far from what was asked before is a jump (a dragged scrollbar): what was asked before
    // is off screen now.
    const int near = m_pageSize * 2;
    if (m_wantFirst < 0 || first > m_wantLast + near || last < m_wantFirst - near) {
        m_wantFirst = first;
        m_wantLast = last;
    } else {
        m_wantFirst = qMin(m_wantFirst, first);
        m_wantLast = qMax(m_wantLast, last);
    }
    if (!m_fetchSoon.isActive()) {
        m_fetchSoon.start();
    }
}

void JobTableModel::fetchWanted()
{
    if (m_loading || m_failed || m_wantFirst < 0) {
        return; // the page in flight calls again when it lands
    }
    const std::optional<PageRequest> request = planPage();
    if (!request) {
        m_wantFirst = m_wantLast = -1;
        return;
    }
    qCDebug(lcUi) << "table: rows" << request->first << "to" << request->first + request->rows - 1
                  << (request->reverse ? "in reverse" : "forward") << "skipping" << request->offset
                  << (request->after ? "from a loaded row" : "from an end");
    m_loading = true;
    JobQuery query = m_query;
    query.limit = request->rows;
    query.offset = request->offset;
    query.after = request->after;
    query.descending = request->reverse ? !m_query.descending : m_query.descending;
    const int generation = m_generation;
    QElapsedTimer elapsed;
    elapsed.start();
    m_service->jobs(query).then(this, [this, generation, request = *request,
                                       elapsed](const Result<QList<JobRecord>>& page) {
        if (generation != m_generation) {
            return; // a newer filter, search or sort owns the table now
        }
        m_loading = false;
        if (!page) {
            m_failed = true; // retried by the next reload or refreshLoaded()
            Q_EMIT loadFailed(page.error().message);
            return;
        }
        const int count = int(page->size());
        acceptPage(request, page.value());
        Q_EMIT pageLoaded(count, elapsed.elapsed());
        fetchWanted();
    });
}

std::optional<JobTableModel::PageRequest> JobTableModel::planPage() const
{
    const int first = m_rows.firstMissing(m_wantFirst, qMin(m_wantLast, m_total - 1));
    if (first < 0) {
        return std::nullopt;
    }
    const LoadedRows::Gap gap = m_rows.gapAround(first, m_total);
    const int end = qMin(gap.end, first + m_pageSize);
    // Read from the nearest known place: each way's cost is the rows PostgreSQL skips. Forward
    // from the start or after the loaded row before the gap; in reverse from the end or before
    // the loaded row after it.
    PageRequest request;
    request.first = first;
    request.rows = end - first;
    request.offset = first - gap.start;
    if (gap.before != nullptr) {
        request.after = cursorAfter(*gap.before, m_query.sortBy);
    }
    const int reverseCost = gap.end - end; // to the next loaded row, or to the table's end
    if (reverseCost < request.offset) {
        request.reverse = true;
        request.first = qMax(gap.start, end - m_pageSize); // a whole page, ending at `end`
        request.rows = end - request.first;
        request.offset = reverseCost;
        request.after.reset();
        if (gap.after != nullptr) {
            request.after = cursorAfter(*gap.after, m_query.sortBy);
        }
    }
    return request;
}

void JobTableModel::acceptPage(const PageRequest& request, QList<JobRecord> rows)
{
    // A row already loaded elsewhere: the table changed under the model (rows deleted or added
    // where the count did not see them). Re-count and re-read what is on screen.
    for (const JobRecord& job : std::as_const(rows)) {
        const int row = m_rows.rowOf(job.id);
        if (row >= 0 && (row < request.first || row >= request.first + request.rows)) {
            resync();
            return;
        }
    }
    if (request.reverse) {
        std::reverse(rows.begin(), rows.end());
        if (rows.isEmpty()) {
            requestCount(); // fewer rows than counted: the count corrects the length
            return;
        }
        // Short: the rows nearest the anchor are the ones that came.
        const int first = request.first + request.rows - int(rows.size());
        place(first, std::move(rows));
        return;
    }
    const int got = int(rows.size());
    if (got > 0) {
        place(request.first, std::move(rows));
    }
    if (got < request.rows) {
        setTotal(request.first + got); // the table ends here
    }
}

void JobTableModel::resync()
{
    m_rows.clear();
    if (m_total > 0) {
        Q_EMIT dataChanged(index(0, 0), index(m_total - 1, kJobColumnCount - 1));
    }
    requestCount();
}

void JobTableModel::place(int first, QList<JobRecord> rows)
{
    const int count = qMin(int(rows.size()), m_total - first);
    if (count <= 0) {
        return;
    }
    rows.resize(count);
    m_rows.place(first, std::move(rows));
    Q_EMIT dataChanged(index(first, 0), index(first + count - 1, kJobColumnCount - 1));
}

void JobTableModel::setTotal(int rows)
{
    if (rows == m_total) {
        return;
    }
    if (rows > m_total) {
        beginInsertRows({}, m_total, rows - 1);
        m_total = rows;
        endInsertRows();
    } else {
        beginRemoveRows({}, rows, m_total - 1);
        m_total = rows;
        m_rows.truncate(rows);
        endRemoveRows();
    }
    Q_EMIT totalChanged(m_total);
}

void JobTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kJobColumnCount) {
        return;
    }
    const JobSortKey key = jobColumnSortKey(JobColumn(column));
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_query.sortBy && descending == m_query.descending && m_total > 0) {
        return;
    }
    m_query.sortBy = key;
    m_query.descending = descending;
    if (m_started) {
        reload();
    }
}

void JobTableModel::setStatusFilter(std::optional<JobStatus> status)
{
    if (status != m_query.status) {
        m_query.status = status;
        m_filterChanged = true;
        if (m_started) {
            reload();
        }
    }
}

void JobTableModel::setTitleFilter(const QString& text)
{
    if (text != m_query.titleContains) {
        m_query.titleContains = text;
        m_filterChanged = true;
        if (m_started) {
            reload();
        }
    }
}

void JobTableModel::setMoreFilters(const JobQuery& filters)
{
    JobQuery next = m_query;
    next.pipeline = filters.pipeline;
    next.worker = filters.worker;
    next.minPriority = filters.minPriority;
    next.maxPriority = filters.maxPriority;
    next.createdSince = filters.createdSince;
    next.createdUntil = filters.createdUntil;
    next.label = filters.label;
    next.labelMin = filters.labelMin;
    next.faces = filters.faces;
    next.facesOrMore = filters.facesOrMore;
    m_query = next;
    m_filterChanged = true;
    if (m_started) {
        reload();
    }
}

void JobTableModel::reload()
{
    m_started = true;
    ++m_generation;
    m_failed = false;
    m_wantFirst = m_wantLast = -1;
    requestFirstPage();
}

void JobTableModel::requestFirstPage()
{
    m_loading = true;
    m_counting = false; // a count of the old filter is stale
    m_firstPagePending = true;
    m_totalAhead.reset();
    // A change in the number of rows costs the view ~8 ms at a million (its vertical header
    // re-lays out every row), so the first page lands with the whole count where that is known
    // at once: counted ahead of the page when the status counts give it (~1 ms), or unchanged
    // when only the order changed. Otherwise the page lands, then the count. (The count runs in
    // the service's other lane: should it come after the page, the page lands first, as then.)
    JobQuery beyondStatus = m_query;
    beyondStatus.status.reset();
    if (!beyondStatus.filters()) {
        requestCount();
    }
    JobQuery query = m_query;
    query.limit = m_pageSize;
    const int generation = m_generation;
    QElapsedTimer elapsed;
    elapsed.start();
    m_service->jobs(query).then(
        this, [this, generation, elapsed](const Result<QList<JobRecord>>& page) {
            if (generation != m_generation) {
                return;
            }
            m_loading = false;
            m_firstPagePending = false;
            if (!page) {
                m_failed = true;
                Q_EMIT loadFailed(page.error().message);
                return;
            }
            const int count = int(page->size());
            const bool more = count >= m_pageSize;
            int total = count;
            if (more && m_totalAhead) {
                total = qMax(count, *m_totalAhead);
            } else if (more && !m_filterChanged) {
                total = qMax(count, m_total); // the same rows in another order
            }
            beginResetModel();
            m_rows.clear();
            m_total = total;
            m_rows.place(0, page.value());
            endResetModel();
            Q_EMIT pageLoaded(count, elapsed.elapsed());
            if (more && !m_totalAhead) {
                requestCount(); // more than a page: the scrollbar needs the whole length
            }
            Q_EMIT totalChanged(m_total);
        });
}

void JobTableModel::requestCount()
{
    if (m_counting) {
        return;
    }
    m_counting = true;
    const int generation = m_generation;
    m_service->countJobs(m_query).then(this, [this, generation](const Result<qint64>& count) {
        if (generation != m_generation) {
            return;
        }
        m_counting = false;
        if (!count) {
            if (!m_firstPagePending) { // else that page reports the outage, or asks again
                Q_EMIT loadFailed(count.error().message);
            }
            return;
        }
        m_filterChanged = false;
        const int total = int(qMin<qint64>(count.value(), std::numeric_limits<int>::max()));
        if (m_firstPagePending) {
            m_totalAhead = total; // the first page is still to come: it lands with this
            return;
        }
        setTotal(total);
        fetchWanted();
    });
}

void JobTableModel::noteChanged(const QList<qint64>& ids)
{
    for (qint64 id : ids) {
        m_pending.insert(id);
    }
    if (!m_tick.isActive()) {
        m_tick.start(kTickMs);
    }
}

void JobTableModel::refreshLoaded()
{
    m_failed = false;
    noteChanged(m_rows.ids(0, m_total - 1));
}

bool JobTableModel::insertsOnTop() const
{
    return m_query.descending &&
           (m_query.sortBy == JobSortKey::Id || m_query.sortBy == JobSortKey::Created);
}

void JobTableModel::tick()
{
    if (m_pending.isEmpty()) {
        return;
    }
    if (m_refreshing) {
        m_tick.start(kTickMs); // one refresh at a time; the next one takes all that came
        return;
    }
    QList<qint64> known;
    QList<qint64> unknown;
    for (qint64 id : std::as_const(m_pending)) {
        (m_rows.rowOf(id) >= 0 ? known : unknown).append(id);
    }
    m_pending.clear();
    if (m_thumbnails != nullptr) {
        m_thumbnails->invalidate(known);
    }
    const bool wantNew = !unknown.isEmpty() && insertsOnTop();
    if (known.isEmpty() && !wantNew) {
        return;
    }
    JobQuery reread;
    reread.ids = known;
    reread.limit = int(known.size());
    JobQuery added = m_query; // the current filter: only rows that belong here
    added.ids = wantNew ? unknown : QList<qint64>();
    added.limit = int(unknown.size());
    m_refreshing = true;
    // The browse lane runs calls in order, so this answer lands after any page asked for
    // earlier: applying it by id at arrival is always current.
    // Both queries go to the service's browse lane, which answers in order: applied at
    // arrival by id, this is never older than a page asked for earlier.
    auto changedRows = reread.ids.isEmpty()
                           ? QtFuture::makeReadyFuture(Result<QList<JobRecord>>(QList<JobRecord>()))
                           : m_service->jobs(reread);
    auto newRows = wantNew
                       ? m_service->jobs(added)
                       : QtFuture::makeReadyFuture(Result<QList<JobRecord>>(QList<JobRecord>()));
    changedRows.then(this, [this, newRows](const Result<QList<JobRecord>>& changed) mutable {
        newRows.then(this, [this, changed](const Result<QList<JobRecord>>& fresh) {
            m_refreshing = false;
            if (changed && fresh) {
                applyRefresh(changed.value(), fresh.value());
            }
        });
    });
}

void JobTableModel::applyRefresh(const QList<JobRecord>& changed, QList<JobRecord> added)
{
    int first = m_total;
    int last = -1;
    QList<qint64> ids;
    for (const JobRecord& job : changed) {
        const int row = m_rows.rowOf(job.id);
        JobRecord* loaded = row >= 0 ? m_rows.at(row) : nullptr;
        if (loaded == nullptr || loaded->id != job.id) {
            continue;
        }
        *loaded = job;
        first = qMin(first, row);
        last = qMax(last, row);
        ids.append(job.id);
    }
    if (last >= 0) {
        // One signal for the whole tick, however many rows changed.
        Q_EMIT dataChanged(index(first, 0), index(last, kJobColumnCount - 1));
    }
    const JobRecord* top = m_rows.at(0);
    const qint64 topId = top != nullptr ? top->id : 0;
    added.removeIf([this, topId](const JobRecord& job) {
        return m_rows.rowOf(job.id) >= 0 || job.id <= topId;
    });
    if (!added.isEmpty() && (top != nullptr || m_total == 0)) {
        std::sort(added.begin(), added.end(),
                  [](const JobRecord& a, const JobRecord& b) { return a.id > b.id; });
        const int count = int(added.size());
        beginInsertRows({}, 0, count - 1);
        m_rows.insertOnTop(std::move(added)); // every loaded row moves down by the new ones
        m_total += count;
        endInsertRows();
        Q_EMIT totalChanged(m_total);
    }
    if (!ids.isEmpty()) {
        Q_EMIT rowsRefreshed(ids);
    }
}

void JobTableModel::onThumbnails(const QList<qint64>& ids)
{
    int first = m_total;
    int last = -1;
    for (qint64 id : ids) {
        const int row = m_rows.rowOf(id);
        if (row >= 0) {
            first = qMin(first, row);
            last = qMax(last, row);
        }
    }
    if (last >= 0) {
        const int column = int(JobColumn::Title);
        Q_EMIT dataChanged(index(first, column), index(last, column), {Qt::DecorationRole});
    }
}

} // namespace pixelnest::ui
