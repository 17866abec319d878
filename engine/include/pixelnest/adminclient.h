#pragma once

#include "pixelnest/audit.h"
#include "pixelnest/connectionconfig.h"
#include "pixelnest/engineconfig.h"
#include "pixelnest/jobs.h"
#include "pixelnest/result.h"
#include "pixelnest/roles.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <functional>
#include <memory>
#include <optional>

namespace pixelnest
{

struct SubmitReport
{
    struct Rejected
    {
        int index = 0; // position in the submitted list
        Error error;
    };
    QList<qint64> ids;   // accepted uploads' ids, in input order
    QList<int> accepted; // their positions in the submitted list
    QList<Rejected> rejected;
};

// What a bulk action did: changed, left alone (wrong state), or not found.
struct BulkOutcome
{
    QList<qint64> changed;
    QList<qint64> unchanged;
    QList<qint64> missing;
};

// A change applied to every job a filter matches (the console's "all N matching").
enum class FilterAction
{
    SetPriority,
    Cancel,
    Reprocess,
};

struct FilterOutcome
{
    qint64 matched = 0; // rows the filter matched, page by page
    qint64 changed = 0; // of those, the ones the action applied to (state allowing)
};

// `pixelnest purge`, the retention policy: finished jobs in `statuses` that finished more than
// `olderThanSeconds` ago.
struct PurgeFilter
{
    qint64 olderThanSeconds = 0;
    QList<JobStatus> statuses{JobStatus::Completed, JobStatus::Failed, JobStatus::Cancelled};
};

struct PurgeReport
{
    qint64 matched = 0; // at the start (a dry run stops here)
    qint64 deleted = 0;
    qint64 bytes = 0; // what the deleted images held (originals, thumbnails, anonymised copies)
};

struct RetentionPolicy
{
    PurgeFilter filter;
    QString setBy;
    QDateTime setAt;
};

// The admin operations over one PostgreSQL and one Redis connection, as the CLI and the console
// use them. Synchronous: it belongs to one thread (the console runs it on a worker thread).
class AdminClient final
{
public:
    // PostgreSQL settings (name, value) for this client's session, applied at every connect.
    using SessionSettings = QList<QPair<QByteArray, QByteArray>>;

    static Result<std::unique_ptr<AdminClient>> connect(const ConnectionConfig& connections,
                                                        const EngineConfig& config = {},
                                                        const SessionSettings& session = {});
    ~AdminClient();

    // Validates every upload first (size, format by content, pixel count); stores the valid
    // ones with their bytes in one transaction, then queues them. A failed Redis write after
    // the commit is repaired by the engines' reconciler, so the report still lists the ids.
    Result<SubmitReport> submit(const QList<ImageUpload>& uploads);

    Result<QList<JobRecord>> jobs(const JobQuery& query);
    // How many jobs `query` matches, whatever its page (the console's "all N matching").
    Result<qint64> countJobs(const JobQuery& query);
    // `action` on every job `filter` matches, in pages of 500 by id (each page one audited
    // change, as if the ids had been given); `progress` after each page.
    Result<FilterOutcome>
    applyToMatching(const JobQuery& filter, FilterAction action, int priority = 0,
                    const std::function<void(const FilterOutcome&)>& progress = {});
    Result<JobDetail> job(qint64 id);
    // "original", "thumbnail" or "anonymised".
    Result<QByteArray> image(qint64 id, const QByteArray& kind);

    Result<BulkOutcome> setPriority(const QList<qint64>& ids, int priority);
    Result<BulkOutcome> reprocess(const QList<qint64>& ids);
    Result<BulkOutcome> reprocessFailed();
    Result<BulkOutcome> cancel(const QList<qint64>& ids);
    // Deletes in pages (each its own short transaction; rows an engine holds are skipped and
    // taken by a later page), calling `progress` after each. Admins only; audited per page.
    Result<PurgeReport> purge(const PurgeFilter& filter,
                              const std::function<void(const PurgeReport&)>& progress = {});
    Result<PurgeReport> purgePreview(const PurgeFilter& filter);
    // Deletes these jobs whatever their state, from PostgreSQL and the queue. Admins only.
    Result<BulkOutcome> deleteJobs(const QList<qint64>& ids);
    // The automatic retention the engines apply (nullopt: none), and setting it (nullopt
    // clears it). Setting is for admins and audited.
    Result<std::optional<RetentionPolicy>> retention();
    Result<void> setRetention(const std::optional<PurgeFilter>& policy);

    // Jobs waiting out a retry's backoff run now (the others are left: `unchanged`).
    Result<BulkOutcome> retryNow(const QList<qint64>& ids);
    Result<QueueStats> stats();
    // The live engines (their heartbeat key alive), from their heartbeats.
    Result<QList<WorkerInfo>> workers();

    // Dispatch control, authorised and audited in PostgreSQL, then applied in Redis; engines
    // follow within a heartbeat (1 s). An empty `pipeline` is the whole namespace; resuming it
    // resumes every pipeline. Engines finish the jobs they hold.
    Result<void> pause(const QString& pipeline);
    Result<void> resume(const QString& pipeline);
    // At most `perSecond` jobs of `pipeline` start per second, all engines together (0: no
    // limit). Authorised and audited like pause.
    Result<void> setRateLimit(const QString& pipeline, double perSecond);
    // One engine, named by its id or host:pid (as `workers` and the jobs' worker column show):
    // "pause" (stays idle until "resume"), "resume", or "drain" (finishes its jobs and stops;
    // a headless engine then exits 0). Returns the ids of the engines told; NotFound when no
    // live engine has that name.
    Result<QStringList> controlWorker(const QString& worker, const QString& instruction);
    // Completed and failed jobs per minute over the last `minutes` minutes (console chart).
    Result<QList<MinuteCounts>> finishedPerMinute(int minutes);

    // The PostgreSQL login and the Pixelnest role it acts as (status bar, enabled actions).
    Result<LoginIdentity> identity();
    // The audit trail, newest first; refused for engines.
    Result<QList<AuditEntry>> audit(const AuditQuery& query);

private:
    struct Impl;
    explicit AdminClient(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace pixelnest
