#include "models/jobtablemodel.h"

#include "models/jobcolumns.h"
#include "models/thumbnailcache.h"

#include <QGuiApplication>
#include <QPair>

#include <algorithm>

namespace pixelnest::ui
{

namespace
{

} // namespace

JobTableModel::JobTableModel(AdminService* service, ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractTableModel(parent), m_service(service), m_thumbnails(thumbnails)
{
    m_atEnd = true; // nothing to fetch until the first reload()
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &JobTableModel::tick);
    if (m_thumbnails != nullptr) {
        connect(m_thumbnails, &ThumbnailCache::thumbnailsReady, this, &JobTableModel::onThumbnails);
    }
}

int JobTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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
    const JobRecord& job = m_rows.at(index.row());
    const auto column = JobColumn(index.column());
    if (role == JobIdRole) {
        return job.id;
    }
    if (role == StatusRole) {
        return statusName(job.status);
    }
    if (role == Qt::DecorationRole && column == JobColumn::Title && m_thumbnails != nullptr) {
        return m_thumbnails->thumbnail(job.id);
    }
    return jobCellData(job, column, role, QGuiApplication::palette());
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

bool JobTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_loading && !m_atEnd && !m_failed;
}

void JobTableModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent)) {
        requestPage(false);
    }
}

void JobTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kJobColumnCount) {
        return;
    }
    const JobSortKey key = jobColumnSortKey(JobColumn(column));
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_query.sortBy && descending == m_query.descending && !m_rows.isEmpty()) {
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
        if (m_started) {
            reload();
        }
    }
}

void JobTableModel::setTitleFilter(const QString& text)
{
    if (text != m_query.titleContains) {
        m_query.titleContains = text;
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
    if (m_started) {
        reload();
    }
}

void JobTableModel::reload()
{
    m_started = true;
    ++m_generation;
    m_failed = false;
    m_atEnd = false;
    requestPage(true);
}

void JobTableModel::requestPage(bool fromStart)
{
    m_loading = true;
    JobQuery query = m_query;
    query.limit = m_pageSize;
    if (!fromStart && !m_rows.isEmpty()) {
        query.after = cursorAfter(m_rows.constLast(), query.sortBy);
    }
    const int generation = m_generation;
    QElapsedTimer elapsed;
    elapsed.start();
    m_service->jobs(query).then(
        this, [this, generation, fromStart, elapsed](const Result<QList<JobRecord>>& page) {
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
            acceptPage(fromStart, page.value());
            Q_EMIT pageLoaded(count, elapsed.elapsed());
        });
}

void JobTableModel::acceptPage(bool fromStart, QList<JobRecord> rows)
{
    const bool full = rows.size() >= m_pageSize;
    if (fromStart) {
        beginResetModel();
        m_rows = std::move(rows);
        reindex();
        m_atEnd = !full;
        endResetModel();
        return;
    }
    m_atEnd = !full;
    // A live insert may have added some of these already.
    rows.removeIf([this](const JobRecord& job) { return m_rowOf.contains(job.id); });
    if (rows.isEmpty()) {
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (JobRecord& job : rows) {
        m_rowOf.insert(job.id, int(m_rows.size()));
        m_rows.append(std::move(job));
    }
    endInsertRows();
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
    noteChanged(QList<qint64>(m_rowOf.keyBegin(), m_rowOf.keyEnd()));
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
        (m_rowOf.contains(id) ? known : unknown).append(id);
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
    int first = int(m_rows.size());
    int last = -1;
    QList<qint64> ids;
    for (const JobRecord& job : changed) {
        const int row = m_rowOf.value(job.id, -1);
        if (row < 0) {
            continue;
        }
        m_rows[row] = job;
        first = qMin(first, row);
        last = qMax(last, row);
        ids.append(job.id);
    }
    if (last >= 0) {
        // One signal for the whole tick, however many rows changed.
        Q_EMIT dataChanged(index(first, 0), index(last, kJobColumnCount - 1));
    }
    const qint64 topId = m_rows.isEmpty() ? 0 : m_rows.constFirst().id;
    added.removeIf([this, topId](const JobRecord& job) {
        return m_rowOf.contains(job.id) || job.id <= topId;
    });
    if (!added.isEmpty() && (m_atEnd || !m_rows.isEmpty())) {
        std::sort(added.begin(), added.end(),
                  [](const JobRecord& a, const JobRecord& b) { return a.id > b.id; });
        beginInsertRows({}, 0, int(added.size()) - 1);
        m_rows = added + m_rows;
        reindex();
        endInsertRows();
    }
    if (!ids.isEmpty()) {
        Q_EMIT rowsRefreshed(ids);
    }
}

void JobTableModel::reindex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        m_rowOf.insert(m_rows.at(row).id, row);
    }
}

void JobTableModel::onThumbnails(const QList<qint64>& ids)
{
    int first = int(m_rows.size());
    int last = -1;
    for (qint64 id : ids) {
        const int row = m_rowOf.value(id, -1);
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
