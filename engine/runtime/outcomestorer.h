#pragma once

#include "model/joboutcome.h"
#include "runtime/enginecontext.h"
#include "runtime/outagelog.h"
#include "store/jobstore.h"
#include "store/pgconnection.h"

#include <functional>

namespace pixelnest::engine
{

// What became of a batch in PostgreSQL.
struct StoredBatch
{
    QList<JobOutcome> written;  // in PostgreSQL now, or fenced out (a stale attempt)
    QList<AttemptKey> accepted; // of those, the writes that took effect (sorted)
    QList<JobOutcome> unwritten; // given up while stopping: their leases must simply expire
};

// Gets a batch of outcomes into PostgreSQL, whatever the database says:
// - a transient refusal (deadlock, serialization failure, statement or lock timeout, disk full,
//   read-only after failover, shutdown) or an outage: the same batch again, with backoff, until
//   it goes through (or, once stopping, until the drain deadline);
// - a permanent refusal (a constraint, a value the database rejects): the batch is halved until
//   the rows it refuses stand alone; each of those is stored as failed with the database's
//   reason, and only if even that is refused is it given up.
// Nothing is dropped silently and nothing unwritten is acknowledged.
class OutcomeStorer final
{
public:
    OutcomeStorer(EngineContext& context, PgConnection& db, JobStore& store, OutageLog& outage);

    StoredBatch store(const QList<JobOutcome>& batch);

private:
    void storeInto(const QList<JobOutcome>& batch, StoredBatch& stored, bool lastResort);
    Result<QList<AttemptKey>> writeRetrying(const QList<JobOutcome>& batch);

    EngineContext& m_context;
    PgConnection& m_db;
    JobStore& m_store;
    OutageLog& m_outage;
};

} // namespace pixelnest::engine
