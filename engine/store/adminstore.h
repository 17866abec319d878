#pragma once

#include "model/queuedjob.h"
#include "pixelnest/adminclient.h"
#include "pixelnest/imagelimits.h"
#include "pixelnest/jobs.h"
#include "pixelnest/result.h"
#include "pixelnest/roles.h"
#include "store/pgconnection.h"

#include <QList>

#include <functional>

namespace pixelnest::engine
{

// What people do to jobs, on the PostgreSQL side: submit, reprocess, priority, cancel, reads.
// Changes go through the audited functions of migration 0005; PostgreSQL's grants decide who
// may (roles.sql).
// Each returns the jobs whose Redis state must change next.
class AdminStore final
{
public:
    explicit AdminStore(PgConnection& connection) : m_db(connection) {}

    // Images and their bytes, all or nothing; returns the new ids in input order. Originals go
    // in statements of at most `chunkBytes` (64 MiB; one image alone may be larger): one
    // statement, committed on its own, for nearly every submit.
    static constexpr qint64 kSubmitChunkBytes = 64LL * 1024 * 1024;
    Result<QList<qint64>> insertImages(const QList<ImageUpload>& uploads,
                                       const QList<ImageFacts>& facts,
                                       qint64 chunkBytes = kSubmitChunkBytes);

    // completed | failed | cancelled → queued, with a fresh retry budget.
    Result<QList<QueuedJob>> reprocess(const QList<qint64>& ids);
    Result<QList<QueuedJob>> reprocessFailed();
    // Returns every id found (its new priority applies at once if queued, later otherwise).
    Result<QList<qint64>> setPriority(const QList<qint64>& ids, int priority);
    // queued | processing → cancelled; returns the ids cancelled.
    Result<QList<qint64>> cancel(const QList<qint64>& ids);
    // Queued jobs waiting out a retry's backoff → may run now; returns those ids.
    Result<QList<qint64>> retryNow(const QList<qint64>& ids);
    // One page of a purge; the preview counts what a purge would delete.
    Result<PurgeReport> purgePage(const PurgeFilter& filter, int pageSize);
    Result<PurgeReport> purgePreview(const PurgeFilter& filter);
    // Any state → deleted; returns the ids deleted.
    Result<QList<qint64>> deleteJobs(const QList<qint64>& ids);
    Result<std::optional<RetentionPolicy>> retention();
    Result<void> setRetention(const std::optional<PurgeFilter>& policy);
    // Authorises and records a dispatch control (pause, resume, drain) about `target`
    // ({"pipeline": P} or {"worker": W}); refused for viewers and engines.
    Result<void> recordControl(const QString& action, const QJsonObject& target);

    Result<QList<JobRecord>> list(const JobQuery& query);
    // How many rows `query` matches (its page ignored): from the status counts when it filters
    // by status alone, else one count(*).
    Result<qint64> countMatching(const JobQuery& query);
    Result<JobDetail> detail(qint64 id);
    Result<QMap<JobStatus, qint64>> countByStatus();
    // Completed and failed jobs per minute over the last `minutes` minutes (console chart).
    Result<QList<MinuteCounts>> finishedPerMinute(int minutes);
    // "original", "thumbnail" or "anonymised"; empty when not stored (yet).
    Result<QByteArray> imageBytes(qint64 id, const QByteArray& which);

    // Ids from `ids` that exist, for "no such job" messages.
    Result<QList<qint64>> existing(const QList<qint64>& ids);

    // Who this connection acts as (read once).
    Result<LoginIdentity> identity();

private:
    // The WHERE clauses of JobQuery's filters (status, ids, search, pipeline, worker, priority and
    // date ranges, moderation label, faces), every value bound through `bind`.
    static QByteArray filterSql(const JobQuery& query,
                                const std::function<QByteArray(const QByteArray&)>& bind);
    // An empty `idsOrNull` requeues every failed job.
    Result<QList<QueuedJob>> requeue(const QByteArray& idsOrNull, AdminAction action);
    // One of the audited functions over an id array (cancel, retry now, delete): the ids it
    // changed, or the refusal explained.
    Result<QList<qint64>> changeIds(const char* sql, const QList<qint64>& ids, AdminAction action);
    // PermissionDenied becomes "permission denied: <login> (<role>) cannot <action>".
    Error refused(const Error& error, AdminAction action);

    PgConnection& m_db;
    std::optional<LoginIdentity> m_identity;
};

} // namespace pixelnest::engine
