#pragma once

#include "runtime/enginecontext.h"
#include "runtime/outagelog.h"
#include "runtime/threadconnections.h"

namespace pixelnest::engine
{

// Writes finished jobs in batches, on a thread of its own: one PostgreSQL transaction per batch
// (fenced by attempt), then one Redis call to ack and one to schedule retries. While a service
// is down it keeps the batch and retries; the leases stay renewed meanwhile.
class ResultWriter final
{
public:
    explicit ResultWriter(EngineContext& context);
    void run();

private:
    void write(const QList<JobOutcome>& batch);
    QList<qint64> writeToPostgres(const QList<JobOutcome>& batch);
    void settleInRedis(const QList<JobOutcome>& batch, const QList<qint64>& accepted);
    void account(const QList<JobOutcome>& batch, const QList<qint64>& accepted);

    EngineContext& m_context;
    ThreadConnections m_io;
    OutageLog m_outage;
};

} // namespace pixelnest::engine
