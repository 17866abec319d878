#pragma once

#include "runtime/enginecontext.h"
#include "runtime/outagelog.h"
#include "runtime/outcomestorer.h"
#include "runtime/threadconnections.h"

namespace pixelnest::engine
{

// Writes finished jobs in batches, on a thread of its own: one PostgreSQL transaction per batch
// (fenced by attempt; OutcomeStorer retries and isolates what the database refuses), then one
// Redis call to ack and one to schedule retries, each by the attempt's own lease token. An
// outcome that was not written is never acknowledged: its lease expires and the reaper hands
// the job on.
class ResultWriter final
{
public:
    explicit ResultWriter(EngineContext& context);
    void run();

private:
    void write(const QList<JobOutcome>& batch);
    void settleInRedis(const QList<JobOutcome>& written, const QList<AttemptKey>& accepted,
                       const QList<HeldLease>& held);
    void account(const QList<JobOutcome>& written, const QList<AttemptKey>& accepted,
                 const QList<HeldLease>& held);

    EngineContext& m_context;
    ThreadConnections m_io;
    OutageLog m_outage;
    OutcomeStorer m_storer;
};

} // namespace pixelnest::engine
