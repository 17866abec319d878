// Why this file is long: it is the whole C++ side of the Redis queue, one short method per Lua
// script or command (claim, leases, retries, dispatch control, heartbeats), sharing the key
// naming and argument helpers at its start; splitting it would scatter the one key layout. With
// queue shards each method also splits its ids by shard (perShard), which roughly doubled it.
#include "queue/jobqueue.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace pixelnest::engine
{

namespace
{

// Loaded once per process; RedisClient sends each once per connection.
struct Scripts
{
    LuaScript enqueue = LuaScript::fromResource(QStringLiteral("enqueue"));
    LuaScript claim = LuaScript::fromResource(QStringLiteral("claim"));
    LuaScript renew = LuaScript::fromResource(QStringLiteral("renew"));
    LuaScript ack = LuaScript::fromResource(QStringLiteral("ack"));
    LuaScript retry = LuaScript::fromResource(QStringLiteral("retry"));
    LuaScript reap = LuaScript::fromResource(QStringLiteral("reap"));
    LuaScript reprioritize = LuaScript::fromResource(QStringLiteral("reprioritize"));
    LuaScript remove = LuaScript::fromResource(QStringLiteral("remove"));
    LuaScript presence = LuaScript::fromResource(QStringLiteral("presence"));
    LuaScript retag = LuaScript::fromResource(QStringLiteral("retag"));
    LuaScript promote = LuaScript::fromResource(QStringLiteral("promote"));
};

const Scripts& scripts()
{
    static const Scripts instance;
    return instance;
}

QList<QByteArray> idArguments(const QList<qint64>& ids)
{
    QList<QByteArray> arguments;
    arguments.reserve(ids.size());
    for (qint64 id : ids) {
        arguments.append(QByteArray::number(id));
    }
    return arguments;
}

QList<qint64> idsOf(const RedisReply& reply)
{
    QList<qint64> ids;
    ids.reserve(reply.elements.size());
    for (const RedisReply& element : reply.elements) {
        ids.append(element.string.toLongLong());
    }
    return ids;
}

QList<QByteArray> leaseArguments(const QList<Lease>& leases)
{
    QList<QByteArray> arguments;
    arguments.reserve(2 * leases.size());
    for (const Lease& lease : leases) {
        arguments << QByteArray::number(lease.id) << lease.token;
    }
    return arguments;
}

Result<int> integerOf(Result<RedisReply> reply)
{
    if (!reply) {
        return reply.error();
    }
    return int(reply->integer);
}

} // namespace

JobQueue::JobQueue(RedisClient& client, const QString& ns, int requestedShards)
    : m_client(client), m_ns(ns), m_prefix("{" + ns.toUtf8() + "}:"), m_requested(requestedShards)
{
}

QByteArray JobQueue::key(const char* name) const
{
    return m_prefix + name;
}

QByteArray JobQueue::keyIn(int shard, const char* name) const
{
    return m_prefixes.at(shard) + name;
}

QByteArray JobQueue::shardPrefix(const QString& ns, int shard, int count)
{
    const QByteArray base = ns.toUtf8();
    if (shard == 0 || count <= 1) {
        return "{" + base + "}:";
    }
    // Split the slot range into `count` parts: shard 0 keeps the part its tag falls in, the
    // others take the remaining parts in order, each with the first tag `ns~S.K` that lands
    // there. Deterministic: every process computes the same tags.
    constexpr int kSlots = 16384;
    const auto part = [count](const QByteArray& tag) {
        return RedisClient::keySlot(tag) * count / kSlots;
    };
    const int zeroPart = part(base);
    int wanted = shard - 1;
    wanted += wanted >= zeroPart ? 1 : 0;
    for (int k = 0;; ++k) {
        const QByteArray tag = base + '~' + QByteArray::number(shard) + '.' + QByteArray::number(k);
        if (part(tag) == wanted || k == 100'000) {
            return "{" + tag + "}:";
        }
    }
}

Result<int> JobQueue::readShardCount()
{
    const Result<RedisReply> stored = m_client.command({"GET", key("shards")});
    if (!stored) {
        return stored.error();
    }
    return stored->type == RedisReply::Type::String ? stored->string.toInt() : 0;
}

Result<void> JobQueue::resolveShards()
{
    // Once a second at most: one GET, on calls that make a round trip anyway.
    constexpr int kShardCountRefreshMs = 1000;
    if (m_shardCount > 0 && !m_shardsReadAt.hasExpired(kShardCountRefreshMs)) {
        return {};
    }
    const Result<int> stored = readShardCount();
    if (!stored) {
        return stored.error();
    }
    int count = stored.value() > 0 ? stored.value() : 1;
    if (m_requested > 0 && m_requested != count) {
        // A change of the count moves where every job lives: only while nothing is queued.
        // Counted in the shards kept now (marked fresh, so that the counts do not read again).
        m_shardCount = count;
        m_prefixes.clear();
        for (int shard = 0; shard < count; ++shard) {
            m_prefixes.append(shardPrefix(m_ns, shard, count));
        }
        m_shardsReadAt.start();
        const Result<QMap<QString, qint64>> ready = readyByPipeline();
        const Result<qint64> inFlight = inFlightCount();
        const Result<qint64> waiting = retryingCount();
        m_shardCount = 0;
        if (!ready || !inFlight || !waiting) {
            return !ready ? ready.error() : !inFlight ? inFlight.error() : waiting.error();
        }
        qint64 queued = inFlight.value() + waiting.value();
        for (qint64 jobs : ready.value()) {
            queued += jobs;
        }
        if (queued > 0) {
            return makeError(
                Service::Redis, ErrorCode::InvalidInput,
                QStringLiteral("namespace %1 keeps its queue in %2 shard(s), not %3, and %4 jobs "
                               "are queued there: let them finish (pixelnest pause, then wait "
                               "until stats shows none waiting or in flight), then start with "
                               "--queue-shards %3")
                    .arg(m_ns)
                    .arg(count)
                    .arg(m_requested)
                    .arg(queued));
        }
        const Result<RedisReply> recorded =
            m_client.command({"SET", key("shards"), QByteArray::number(m_requested)});
        if (!recorded) {
            return recorded.error();
        }
        count = m_requested;
    }
    if (count != m_shardCount) {
        m_prefixes.clear();
        for (int shard = 0; shard < count; ++shard) {
            m_prefixes.append(shardPrefix(m_ns, shard, count));
        }
        m_shardCount = count;
    }
    m_shardsReadAt.start();
    return {};
}

Result<int> JobQueue::shards()
{
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    return m_shardCount;
}

namespace
{

// Splits `items` by the shard of their id and calls `call(shard, itemsOfThatShard)` for each
// shard that has any; stops at the first error.
template <typename T, typename IdOf, typename Call>
Result<void> perShard(int shards, const QList<T>& items, IdOf idOf, Call call)
{
    QList<QList<T>> groups(shards);
    for (const T& item : items) {
        groups[int(idOf(item) % shards)].append(item);
    }
    for (int shard = 0; shard < shards; ++shard) {
        if (groups[shard].isEmpty()) {
            continue;
        }
        if (Result<void> done = call(shard, groups[shard]); !done) {
            return done;
        }
    }
    return {};
}

// Which job an item is about, for perShard.
qint64 idOfId(qint64 id)
{
    return id;
}

qint64 idOfLease(const Lease& lease)
{
    return lease.id;
}

qint64 idOfRetry(const RetryRequest& retry)
{
    return retry.lease.id;
}

// perShard for the scripts that answer how many they changed: the sum over the shards.
template <typename T, typename IdOf, typename Eval>
Result<int> sumPerShard(int shards, const QList<T>& items, IdOf idOf, Eval eval)
{
    int total = 0;
    const Result<void> done =
        perShard(shards, items, idOf, [&](int shard, const QList<T>& mine) -> Result<void> {
            const Result<int> count = integerOf(eval(shard, mine));
            if (!count) {
                return count.error();
            }
            total += count.value();
            return {};
        });
    return done ? Result<int>(total) : Result<int>(done.error());
}

} // namespace

Result<int> JobQueue::enqueue(const QList<QueuedJob>& jobs)
{
    if (jobs.isEmpty()) {
        return 0;
    }
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    int added = 0;
    QSet<QByteArray> pipelines;
    QSet<int> touched;
    const Result<void> done = perShard(
        m_shardCount, jobs, [](const QueuedJob& job) { return job.id; },
        [&](int shard, const QList<QueuedJob>& mine) -> Result<void> {
            QList<QByteArray> arguments{m_prefixes.at(shard)};
            for (const QueuedJob& job : mine) {
                arguments << QByteArray::number(job.id) << QByteArray::number(job.priority)
                          << job.pipeline << QByteArray::number(job.notBeforeMs);
                pipelines.insert(job.pipeline);
            }
            const Result<int> count = integerOf(
                m_client.eval(scripts().enqueue,
                              {keyIn(shard, "prio"), keyIn(shard, "seq"), keyIn(shard, "depth"),
                               keyIn(shard, "delayed"), keyIn(shard, "inflight"),
                               keyIn(shard, "pipe"), keyIn(shard, "pipelines")},
                              arguments));
            if (!count) {
                return count.error();
            }
            added += count.value();
            touched.insert(shard);
            return {};
        });
    if (!done) {
        return done.error();
    }
    // An idle engine waits on one shard's wake-up lists: wake every shard, not only those that
    // got a job, so that a lone job is claimed at once wherever its engines wait.
    for (int shard = 0; m_shardCount > 1 && shard < m_shardCount; ++shard) {
        if (touched.contains(shard)) {
            continue;
        }
        QList<QList<QByteArray>> wakes;
        for (const QByteArray& pipeline : std::as_const(pipelines)) {
            const QByteArray wake = m_prefixes.at(shard) + "wake:" + pipeline;
            wakes.append({"DEL", wake});
            wakes.append({"RPUSH", wake, "1"});
        }
        (void)m_client.pipeline(wakes); // a missed wake-up costs one idle wait, nothing more
    }
    return added;
}

Result<QList<qint64>> JobQueue::claimFrom(int shard, int maxCount, int leaseMs,
                                          const QByteArray& claimToken,
                                          const QList<QByteArray>& pipelines, QByteArray* bestScore)
{
    const Result<RedisReply> reply = m_client.eval(
        scripts().claim,
        {keyIn(shard, "delayed"), keyIn(shard, "inflight"), keyIn(shard, "owner"),
         keyIn(shard, "prio"), keyIn(shard, "seq"), keyIn(shard, "depth"), keyIn(shard, "pipe"),
         keyIn(shard, "paused"), keyIn(shard, "limits"), keyIn(shard, "buckets")},
        QList<QByteArray>{QByteArray::number(maxCount), QByteArray::number(leaseMs), claimToken,
                          m_prefixes.at(shard), QByteArray::number(m_shardCount)} +
            pipelines);
    if (!reply) {
        return reply.error();
    }
    // The ids, then the best score still ready in this shard ("" when none).
    QList<RedisReply> elements = reply->elements;
    if (!elements.isEmpty()) {
        *bestScore = elements.takeLast().string;
    }
    QList<qint64> ids;
    ids.reserve(elements.size());
    for (const RedisReply& element : elements) {
        ids.append(element.string.toLongLong());
    }
    return ids;
}

Result<QList<qint64>> JobQueue::claim(int maxCount, int leaseMs, const QByteArray& claimToken,
                                      const QList<QByteArray>& pipelines)
{
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    QByteArray best;
    if (m_shardCount == 1) {
        return claimFrom(0, maxCount, leaseMs, claimToken, pipelines, &best);
    }
    // Which shard holds the best ready job (a claim with no room only looks, and moves due
    // retries to their queues).
    int bestShard = -1;
    double bestScore = 0;
    for (int shard = 0; shard < m_shardCount; ++shard) {
        QByteArray score;
        const Result<QList<qint64>> looked =
            claimFrom(shard, 0, leaseMs, claimToken, pipelines, &score);
        if (!looked) {
            return looked.error();
        }
        if (!score.isEmpty() && (bestShard < 0 || score.toDouble() < bestScore)) {
            bestShard = shard;
            bestScore = score.toDouble();
        }
    }
    if (bestShard < 0) {
        return QList<qint64>();
    }
    return claimFrom(bestShard, maxCount, leaseMs, claimToken, pipelines, &best);
}

Result<int> JobQueue::retag(const QByteArray& claimToken, const QList<Lease>& leases)
{
    if (leases.isEmpty()) {
        return 0;
    }
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    return sumPerShard(m_shardCount, leases, idOfLease, [&](int shard, const QList<Lease>& mine) {
        return m_client.eval(scripts().retag, {keyIn(shard, "owner")},
                             QList<QByteArray>{claimToken} + leaseArguments(mine));
    });
}

Result<QList<qint64>> JobQueue::renew(const QList<Lease>& leases, int leaseMs)
{
    if (leases.isEmpty()) {
        return QList<qint64>();
    }
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    QList<qint64> lost;
    const Result<void> done = perShard(
        m_shardCount, leases, idOfLease, [&](int shard, const QList<Lease>& mine) -> Result<void> {
            const Result<RedisReply> reply = m_client.eval(
                scripts().renew, {keyIn(shard, "inflight"), keyIn(shard, "owner")},
                QList<QByteArray>{QByteArray::number(leaseMs)} + leaseArguments(mine));
            if (!reply) {
                return reply.error();
            }
            lost += idsOf(reply.value());
            return {};
        });
    return done ? Result<QList<qint64>>(lost) : Result<QList<qint64>>(done.error());
}

Result<int> JobQueue::ack(const QList<Lease>& leases)
{
    if (leases.isEmpty()) {
        return 0;
    }
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    return sumPerShard(m_shardCount, leases, idOfLease, [&](int shard, const QList<Lease>& mine) {
        return m_client.eval(scripts().ack,
                             {keyIn(shard, "inflight"), keyIn(shard, "owner"), keyIn(shard, "prio"),
                              keyIn(shard, "pipe")},
                             leaseArguments(mine));
    });
}

Result<int> JobQueue::retryLater(const QList<RetryRequest>& jobs)
{
    if (jobs.isEmpty()) {
        return 0;
    }
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    return sumPerShard(m_shardCount, jobs, idOfRetry,
                       [&](int shard, const QList<RetryRequest>& mine) {
                           QList<QByteArray> arguments;
                           for (const RetryRequest& job : mine) {
                               arguments << QByteArray::number(job.lease.id) << job.lease.token
                                         << QByteArray::number(job.delayMs);
                           }
                           return m_client.eval(scripts().retry,
                                                {keyIn(shard, "inflight"), keyIn(shard, "owner"),
                                                 keyIn(shard, "delayed")},
                                                arguments);
                       });
}

Result<QList<ExpiredLease>> JobQueue::reapExpired(int maxCount)
{
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    QList<ExpiredLease> leases;
    for (int shard = 0; shard < m_shardCount; ++shard) {
        const Result<RedisReply> reply =
            m_client.eval(scripts().reap, {keyIn(shard, "inflight"), keyIn(shard, "owner")},
                          {QByteArray::number(maxCount)});
        if (!reply) {
            return reply.error();
        }
        const QList<RedisReply>& items = reply->elements;
        for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
            leases.append({items[i].string.toLongLong(), items[i + 1].string});
        }
    }
    return leases;
}

Result<int> JobQueue::reprioritize(const QList<qint64>& ids, int priority)
{
    if (ids.isEmpty()) {
        return 0;
    }
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    return sumPerShard(m_shardCount, ids, idOfId, [&](int shard, const QList<qint64>& mine) {
        return m_client.eval(scripts().reprioritize,
                             {keyIn(shard, "prio"), keyIn(shard, "depth"), keyIn(shard, "pipe")},
                             QList<QByteArray>{m_prefixes.at(shard), QByteArray::number(priority)} +
                                 idArguments(mine));
    });
}

Result<int> JobQueue::remove(const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return 0;
    }
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    return sumPerShard(m_shardCount, ids, idOfId, [&](int shard, const QList<qint64>& mine) {
        return m_client.eval(scripts().remove,
                             {keyIn(shard, "delayed"), keyIn(shard, "inflight"),
                              keyIn(shard, "owner"), keyIn(shard, "prio"), keyIn(shard, "depth"),
                              keyIn(shard, "pipe")},
                             QList<QByteArray>{m_prefixes.at(shard)} + idArguments(mine));
    });
}

Result<QList<bool>> JobQueue::present(const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return QList<bool>();
    }
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    QHash<qint64, bool> known;
    const Result<void> done =
        perShard(m_shardCount, ids, idOfId, [&](int shard, const QList<qint64>& mine) {
            const Result<RedisReply> reply = m_client.eval(
                scripts().presence,
                {keyIn(shard, "delayed"), keyIn(shard, "inflight"), keyIn(shard, "pipe")},
                QList<QByteArray>{m_prefixes.at(shard)} + idArguments(mine));
            if (!reply) {
                return Result<void>(reply.error());
            }
            for (qsizetype i = 0; i < mine.size() && i < reply->elements.size(); ++i) {
                known.insert(mine[i], reply->elements[i].integer != 0);
            }
            return Result<void>();
        });
    if (!done) {
        return done.error();
    }
    QList<bool> answer;
    for (qint64 id : ids) {
        answer.append(known.value(id, false));
    }
    return answer;
}

Result<int> JobQueue::promote(const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return 0;
    }
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    return sumPerShard(m_shardCount, ids, idOfId, [&](int shard, const QList<qint64>& mine) {
        return m_client.eval(scripts().promote,
                             {keyIn(shard, "delayed"), keyIn(shard, "prio"), keyIn(shard, "seq"),
                              keyIn(shard, "depth"), keyIn(shard, "pipe")},
                             QList<QByteArray>{m_prefixes.at(shard)} + idArguments(mine));
    });
}

Result<void> JobQueue::setPaused(const QByteArray& pipeline, bool paused)
{
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved;
    }
    // Every shard's claim script reads its own copy; shard 0's is what readers report.
    for (int shard = 0; shard < m_shardCount; ++shard) {
        if (paused) {
            const Result<RedisReply> added =
                m_client.command({"SADD", keyIn(shard, "paused"), pipeline});
            if (!added) {
                return added.error();
            }
            continue;
        }
        const Result<RedisReply> known = m_client.command({"SMEMBERS", keyIn(shard, "pipelines")});
        if (!known) {
            return known.error();
        }
        // Engines idle in BLPOP would notice within their wait anyway; the marker makes it now.
        // Resuming "*" resumes everything, the pipelines paused one by one too.
        QList<QList<QByteArray>> commands{
            pipeline == "*" ? QList<QByteArray>{"DEL", keyIn(shard, "paused")}
                            : QList<QByteArray>{"SREM", keyIn(shard, "paused"), pipeline}};
        for (const RedisReply& name : known->elements) {
            commands.append({"RPUSH", m_prefixes.at(shard) + "wake:" + name.string, "1"});
        }
        if (const Result<QList<RedisReply>> replies = m_client.pipeline(commands); !replies) {
            return replies.error();
        }
    }
    return {};
}

Result<void> JobQueue::setRateLimit(const QByteArray& pipeline, double perSecond)
{
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved;
    }
    // Each shard's bucket refills at the rate / shards (the claim script divides), so all
    // shards together give the rate. A new limit starts from a full bucket; none leaves no state.
    for (int shard = 0; shard < m_shardCount; ++shard) {
        const Result<QList<RedisReply>> replies = m_client.pipeline(
            {perSecond > 0 ? QList<QByteArray>{"HSET", keyIn(shard, "limits"), pipeline,
                                               QByteArray::number(perSecond, 'g', 10)}
                           : QList<QByteArray>{"HDEL", keyIn(shard, "limits"), pipeline},
             {"HDEL", keyIn(shard, "buckets"), pipeline}});
        if (!replies) {
            return replies.error();
        }
    }
    return {};
}

Result<QMap<QString, double>> JobQueue::rateLimits()
{
    const Result<RedisReply> reply = m_client.command({"HGETALL", key("limits")});
    if (!reply) {
        return reply.error();
    }
    QMap<QString, double> limits;
    for (qsizetype i = 0; i + 1 < reply->elements.size(); i += 2) {
        limits.insert(QString::fromUtf8(reply->elements[i].string),
                      reply->elements[i + 1].string.toDouble());
    }
    return limits;
}

Result<QList<QByteArray>> JobQueue::pausedPipelines()
{
    const Result<RedisReply> reply = m_client.command({"SMEMBERS", key("paused")});
    if (!reply) {
        return reply.error();
    }
    QList<QByteArray> names;
    for (const RedisReply& name : reply->elements) {
        names.append(name.string);
    }
    std::sort(names.begin(), names.end());
    return names;
}

Result<QMap<QString, qint64>> JobQueue::readyByPipeline()
{
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    QMap<QString, qint64> ready;
    for (int shard = 0; shard < m_shardCount; ++shard) {
        const Result<RedisReply> known = m_client.command({"SMEMBERS", keyIn(shard, "pipelines")});
        if (!known) {
            return known.error();
        }
        QList<QList<QByteArray>> commands;
        for (const RedisReply& name : known->elements) {
            commands.append({"ZCARD", m_prefixes.at(shard) + "ready:" + name.string});
        }
        if (commands.isEmpty()) {
            continue;
        }
        const Result<QList<RedisReply>> counts = m_client.pipeline(commands);
        if (!counts) {
            return counts.error();
        }
        for (qsizetype i = 0; i < counts->size(); ++i) {
            ready[QString::fromUtf8(known->elements[i].string)] += counts->at(i).integer;
        }
    }
    return ready;
}

Result<void> JobQueue::setControl(const QByteArray& engineId, const QByteArray& instruction)
{
    // A day at most: an instruction for an engine that died unread must not linger forever.
    const Result<RedisReply> reply =
        instruction.isEmpty()
            ? m_client.command({"DEL", key("control:") + engineId})
            : m_client.command({"SET", key("control:") + engineId, instruction, "PX", "86400000"});
    return reply ? Result<void>() : Result<void>(reply.error());
}

Result<QPair<QByteArray, QList<QByteArray>>> JobQueue::controlFor(const QByteArray& engineId)
{
    const Result<QList<RedisReply>> replies =
        m_client.pipeline({{"GET", key("control:") + engineId}, {"SMEMBERS", key("paused")}});
    if (!replies) {
        return replies.error();
    }
    QList<QByteArray> paused;
    for (const RedisReply& name : replies->at(1).elements) {
        paused.append(name.string);
    }
    return qMakePair(replies->at(0).string, paused);
}

Result<QList<qint64>> JobQueue::heartbeatTtls(const QList<QByteArray>& engineIds)
{
    if (engineIds.isEmpty()) {
        return QList<qint64>();
    }
    QList<QList<QByteArray>> commands;
    for (const QByteArray& id : engineIds) {
        commands.append({"PTTL", key("worker:") + id});
    }
    const Result<QList<RedisReply>> replies = m_client.pipeline(commands);
    if (!replies) {
        return replies.error();
    }
    QList<qint64> ttls;
    for (const RedisReply& reply : replies.value()) {
        ttls.append(reply.integer);
    }
    return ttls;
}

Result<QMap<int, qint64>> JobQueue::depthByPriority()
{
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    QMap<int, qint64> depth;
    for (int shard = 0; shard < m_shardCount; ++shard) {
        const Result<RedisReply> reply = m_client.command({"HGETALL", keyIn(shard, "depth")});
        if (!reply) {
            return reply.error();
        }
        const QList<RedisReply>& items = reply->elements;
        for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
            const qint64 count = items[i + 1].string.toLongLong();
            if (count > 0) {
                depth[items[i].string.toInt()] += count;
            }
        }
    }
    return depth;
}

Result<qint64> JobQueue::inFlightCount()
{
    return countInShards("inflight");
}

Result<qint64> JobQueue::retryingCount()
{
    return countInShards("delayed");
}

Result<qint64> JobQueue::countInShards(const char* sortedSet)
{
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    qint64 total = 0;
    for (int shard = 0; shard < m_shardCount; ++shard) {
        const Result<RedisReply> reply = m_client.command({"ZCARD", keyIn(shard, sortedSet)});
        if (!reply) {
            return reply.error();
        }
        total += reply->integer;
    }
    return total;
}

Result<bool> JobQueue::waitForWork(int timeoutMs, const QList<QByteArray>& pipelines)
{
    if (Result<void> resolved = resolveShards(); !resolved) {
        return resolved.error();
    }
    // One shard's lists (a BLPOP cannot span slots); enqueue wakes every shard, and the shard
    // waited on turns with each wait so that engines spread over them.
    const int shard = m_waitRound++ % m_shardCount;
    QList<QByteArray> command{"BLPOP"};
    for (const QByteArray& pipeline : pipelines) {
        command.append(m_prefixes.at(shard) + "wake:" + pipeline);
    }
    // BLPOP takes seconds (fractions allowed since Redis 6).
    command.append(QByteArray::number(timeoutMs / 1000.0, 'f', 3));
    const Result<RedisReply> reply = m_client.command(command);
    if (!reply) {
        return reply.error();
    }
    return reply->type == RedisReply::Type::Array;
}

Result<bool> JobQueue::tryLock(const QByteArray& name, const QByteArray& token, int ttlMs)
{
    const Result<RedisReply> reply = m_client.command(
        {"SET", key("lock:") + name, token, "NX", "PX", QByteArray::number(ttlMs)});
    if (!reply) {
        return reply.error();
    }
    return reply->type == RedisReply::Type::String;
}

Result<void> JobQueue::unlock(const QByteArray& name, const QByteArray& token)
{
    // Only the holder releases: compare-and-delete in one step.
    static const QByteArray script =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end "
        "return 0";
    const Result<RedisReply> reply =
        m_client.command({"EVAL", script, "1", key("lock:") + name, token});
    if (!reply) {
        return reply.error();
    }
    return {};
}

Result<void> JobQueue::publishHeartbeat(const QByteArray& engineId, const QByteArray& json,
                                        int ttlMs)
{
    // The key with a TTL says "alive"; the hash keeps the last snapshot so that consoles can
    // still show an engine that stopped beating (as stale) until a reader drops it.
    const Result<QList<RedisReply>> replies = m_client.pipeline(
        {{"SET", key("worker:") + engineId, json, "PX", QByteArray::number(ttlMs)},
         {"HSET", key("workers"), engineId, json}});
    if (!replies) {
        return replies.error();
    }
    return {};
}

Result<QList<QByteArray>> JobQueue::heartbeats()
{
    const Result<RedisReply> reply = m_client.command({"HGETALL", key("workers")});
    if (!reply) {
        return reply.error();
    }
    QList<QByteArray> found;
    for (qsizetype i = 0; i + 1 < reply->elements.size(); i += 2) {
        found.append(reply->elements[i + 1].string);
    }
    return found;
}

Result<void> JobQueue::forgetWorker(const QByteArray& engineId)
{
    const Result<RedisReply> reply = m_client.command({"HDEL", key("workers"), engineId});
    if (!reply) {
        return reply.error();
    }
    return {};
}

} // namespace pixelnest::engine
