#pragma once

#include "model/claimedjob.h"
#include "model/joboutcome.h"
#include "model/queuedjob.h"
#include "pixelnest/result.h"
#include "store/pgconnection.h"

#include <QJsonObject>
#include <QList>
#include <QPair>

namespace pixelnest::engine
{

// The engine's side of PostgreSQL: claims, fenced result writes, lost leases, reconciliation.
// Every write that concerns a claimed job is guarded by its attempt number.
class JobStore final
{
public:
    explicit JobStore(PgConnection& connection) : m_db(connection) {}

    // Marks the rows `processing` (attempt + 1, history row) only where still `queued`, and
    // returns them with their bytes. Ids not returned were cancelled or are no longer queued.
    Result<QList<ClaimedJob>> claim(const QList<qint64>& ids, const QString& worker);

    // One transaction for the whole batch, each row locked (in id order) before it is written.
    // Returns the (id, attempt) of the writes accepted, sorted; the others failed the fencing
    // check (a stale attempt) and changed nothing. Of two outcomes for one attempt, the first
    // is written.
    Result<QList<AttemptKey>> writeOutcomes(const QList<JobOutcome>& batch);

    // Leases that expired (worker died or hung): each job still `processing` goes back to
    // `queued`, or to `failed` once this round has had `maxAttempts` attempts (the engine's
    // --max-attempts), with the reason. Returns the jobs to put back on the queue.
    Result<QList<QueuedJob>> releaseLostLeases(const QList<ExpiredLease>& leases, int maxAttempts);

    // Reconciler queries, keyset-paged by id.
    Result<QList<QueuedJob>> queuedSince(int graceMs, qint64 afterId, int limit);
    Result<QList<qint64>> processingSince(int ageMs, qint64 afterId, int limit);

    // Folds the status counts' appended deltas into one row per status (migration 0006); the
    // totals are unchanged.
    Result<void> foldStatusCounts();
    // One page under the admin's retention policy (migration 0008): the jobs deleted (0 when
    // there is no policy or nothing is due) and the bytes they held.
    Result<QPair<qint64, qint64>> applyRetention(int pageSize);
    // Queued jobs whose expiry passed before they started → cancelled ("expired before it
    // started"); returns their ids (migration 0009).
    Result<QList<qint64>> expireDue(int pageSize);

private:
    PgConnection& m_db;
};

} // namespace pixelnest::engine
