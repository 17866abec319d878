#pragma once

#include "pixelnest/result.h"
#include "queue/jobqueue.h"
#include "store/pgconnection.h"

#include <QJsonObject>
#include <QList>

namespace pixelnest::engine
{

// A job this engine now holds: its row is `processing` with `attempt` as the fencing token.
struct ClaimedJob
{
    qint64 id = 0;
    int attempt = 0;        // fencing token
    int attemptInRound = 0; // 1 for the first try since submit/reprocess
    int maxAttempts = 3;
    QString pipeline;
    QString format;
    QString title;
    QByteArray bytes;
};

enum class Outcome
{
    Completed,
    Failed, // permanent, or transient with attempts exhausted
    Retry,  // transient: back to the queue after retryDelayMs
};

struct JobOutcome
{
    qint64 id = 0;
    int attempt = 0;
    Outcome outcome = Outcome::Completed;
    QJsonObject result;
    QString error;
    int width = 0;
    int height = 0;
    int retryDelayMs = 0;
    QByteArray thumbnail;  // stored beside the original for the console
    QByteArray anonymised; // faces blurred
};

// The engine's side of PostgreSQL: claims, fenced result writes, lost leases, reconciliation.
// Every write that concerns a claimed job is guarded by its attempt number.
class JobStore final
{
public:
    explicit JobStore(PgConnection& connection) : m_db(connection) {}

    // Marks the rows `processing` (attempt + 1, history row) only where still `queued`, and
    // returns them with their bytes. Ids not returned were cancelled or are no longer queued.
    Result<QList<ClaimedJob>> claim(const QList<qint64>& ids, const QString& worker);

    // One transaction for the whole batch. Returns the ids whose write was accepted; the others
    // failed the fencing check (a stale worker) and changed nothing.
    Result<QList<qint64>> writeOutcomes(const QList<JobOutcome>& outcomes);

    // Leases that expired (worker died or hung): each job still `processing` goes back to
    // `queued`, or to `failed` once its attempts are exhausted, with the reason. Returns the
    // jobs to put back on the queue.
    Result<QList<QueuedJob>> releaseLostLeases(const QList<ExpiredLease>& leases);

    // Reconciler queries, keyset-paged by id.
    Result<QList<QueuedJob>> queuedSince(int graceMs, qint64 afterId, int limit);
    Result<QList<qint64>> processingSince(int ageMs, qint64 afterId, int limit);

private:
    PgConnection& m_db;
};

} // namespace pixelnest::engine
