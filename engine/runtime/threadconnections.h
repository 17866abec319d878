#pragma once

#include "queue/jobqueue.h"
#include "runtime/enginecontext.h"
#include "store/jobstore.h"

namespace pixelnest::engine
{

// The connections one engine thread owns (a connection belongs to exactly one thread): the
// dispatcher, the result writer and maintenance each construct their own set.
struct ThreadConnections
{
    ThreadConnections(const EngineContext& context, int redisTimeoutMs = 5000)
        : redis(RedisUrl::parse(context.connections.redis).value(), redisTimeoutMs),
          queue(redis, context.config.service.ns, context.config.service.queueShards), store(db),
          m_conninfo(context.connections.postgres)
    {
    }

    // Failures are fine here: every loop re-opens through db.ensureOpen().
    void open() { (void)db.open(m_conninfo); }

    PgConnection db;
    RedisClient redis; // Engine::start validated the URL before any thread exists
    JobQueue queue;
    JobStore store;

private:
    QString m_conninfo;
};

} // namespace pixelnest::engine
