// Why this file is long: it is the whole C++ side of the Redis queue, one short method per Lua
// script or command (claim, leases, retries, dispatch control, heartbeats), sharing the key
// naming and argument helpers at its start; splitting it would scatter the one key layout.
#include "queue/jobqueue.h"

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

JobQueue::JobQueue(RedisClient& client, const QString& ns)
    : m_client(client), m_prefix("{" + ns.toUtf8() + "}:")
{
}

QByteArray JobQueue::key(const char* name) const
{
    return m_prefix + name;
}

Result<int> JobQueue::enqueue(const QList<QueuedJob>& jobs)
{
    if (jobs.isEmpty()) {
        return 0;
    }
    QList<QByteArray> arguments{m_prefix};
    for (const QueuedJob& job : jobs) {
        arguments << QByteArray::number(job.id) << QByteArray::number(job.priority) << job.pipeline
                  << QByteArray::number(job.notBeforeMs);
    }
    return integerOf(m_client.eval(scripts().enqueue,
                                   {key("prio"), key("seq"), key("depth"), key("delayed"),
                                    key("inflight"), key("pipe"), key("pipelines")},
                                   arguments));
}

Result<QList<qint64>> JobQueue::claim(int maxCount, int leaseMs, const QByteArray& claimToken,
                                      const QList<QByteArray>& pipelines)
{
    const Result<RedisReply> reply =
        m_client.eval(scripts().claim,
                      {key("delayed"), key("inflight"), key("owner"), key("prio"), key("seq"),
                       key("depth"), key("pipe"), key("paused"), key("limits"), key("buckets")},
                      QList<QByteArray>{QByteArray::number(maxCount), QByteArray::number(leaseMs),
                                        claimToken, m_prefix} +
                          pipelines);
    if (!reply) {
        return reply.error();
    }
    return idsOf(reply.value());
}

Result<int> JobQueue::retag(const QByteArray& claimToken, const QList<Lease>& leases)
{
    if (leases.isEmpty()) {
        return 0;
    }
    return integerOf(m_client.eval(scripts().retag, {key("owner")},
                                   QList<QByteArray>{claimToken} + leaseArguments(leases)));
}

Result<QList<qint64>> JobQueue::renew(const QList<Lease>& leases, int leaseMs)
{
    if (leases.isEmpty()) {
        return QList<qint64>();
    }
    const Result<RedisReply> reply =
        m_client.eval(scripts().renew, {key("inflight"), key("owner")},
                      QList<QByteArray>{QByteArray::number(leaseMs)} + leaseArguments(leases));
    if (!reply) {
        return reply.error();
    }
    return idsOf(reply.value());
}

Result<int> JobQueue::ack(const QList<Lease>& leases)
{
    if (leases.isEmpty()) {
        return 0;
    }
    return integerOf(m_client.eval(scripts().ack,
                                   {key("inflight"), key("owner"), key("prio"), key("pipe")},
                                   leaseArguments(leases)));
}

Result<int> JobQueue::retryLater(const QList<RetryRequest>& jobs)
{
    if (jobs.isEmpty()) {
        return 0;
    }
    QList<QByteArray> arguments;
    for (const RetryRequest& job : jobs) {
        arguments << QByteArray::number(job.lease.id) << job.lease.token
                  << QByteArray::number(job.delayMs);
    }
    return integerOf(
        m_client.eval(scripts().retry, {key("inflight"), key("owner"), key("delayed")}, arguments));
}

Result<QList<ExpiredLease>> JobQueue::reapExpired(int maxCount)
{
    const Result<RedisReply> reply = m_client.eval(scripts().reap, {key("inflight"), key("owner")},
                                                   {QByteArray::number(maxCount)});
    if (!reply) {
        return reply.error();
    }
    QList<ExpiredLease> leases;
    const QList<RedisReply>& items = reply->elements;
    for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
        leases.append({items[i].string.toLongLong(), items[i + 1].string});
    }
    return leases;
}

Result<int> JobQueue::reprioritize(const QList<qint64>& ids, int priority)
{
    if (ids.isEmpty()) {
        return 0;
    }
    return integerOf(m_client.eval(scripts().reprioritize, {key("prio"), key("depth"), key("pipe")},
                                   QList<QByteArray>{m_prefix, QByteArray::number(priority)} +
                                       idArguments(ids)));
}

Result<int> JobQueue::remove(const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return 0;
    }
    return integerOf(m_client.eval(
        scripts().remove,
        {key("delayed"), key("inflight"), key("owner"), key("prio"), key("depth"), key("pipe")},
        QList<QByteArray>{m_prefix} + idArguments(ids)));
}

Result<QList<bool>> JobQueue::present(const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return QList<bool>();
    }
    const Result<RedisReply> reply =
        m_client.eval(scripts().presence, {key("delayed"), key("inflight"), key("pipe")},
                      QList<QByteArray>{m_prefix} + idArguments(ids));
    if (!reply) {
        return reply.error();
    }
    QList<bool> known;
    for (const RedisReply& element : reply->elements) {
        known.append(element.integer != 0);
    }
    return known;
}

Result<int> JobQueue::promote(const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        return 0;
    }
    return integerOf(m_client.eval(
        scripts().promote, {key("delayed"), key("prio"), key("seq"), key("depth"), key("pipe")},
        QList<QByteArray>{m_prefix} + idArguments(ids)));
}

Result<void> JobQueue::setPaused(const QByteArray& pipeline, bool paused)
{
    if (paused) {
        const Result<RedisReply> added = m_client.command({"SADD", key("paused"), pipeline});
        return added ? Result<void>() : Result<void>(added.error());
    }
    const Result<RedisReply> known = m_client.command({"SMEMBERS", key("pipelines")});
    if (!known) {
        return known.error();
    }
    // Engines idle in BLPOP would notice within their wait anyway; the marker makes it now.
    // Resuming "*" resumes everything, the pipelines paused one by one too.
    QList<QList<QByteArray>> commands{pipeline == "*"
                                          ? QList<QByteArray>{"DEL", key("paused")}
                                          : QList<QByteArray>{"SREM", key("paused"), pipeline}};
    for (const RedisReply& name : known->elements) {
        commands.append({"RPUSH", m_prefix + "wake:" + name.string, "1"});
    }
    const Result<QList<RedisReply>> replies = m_client.pipeline(commands);
    return replies ? Result<void>() : Result<void>(replies.error());
}

Result<void> JobQueue::setRateLimit(const QByteArray& pipeline, double perSecond)
{
    // A new limit starts from a full bucket; none leaves no state behind.
    const Result<QList<RedisReply>> replies =
        m_client.pipeline({perSecond > 0 ? QList<QByteArray>{"HSET", key("limits"), pipeline,
                                                             QByteArray::number(perSecond, 'g', 10)}
                                         : QList<QByteArray>{"HDEL", key("limits"), pipeline},
                           {"HDEL", key("buckets"), pipeline}});
    return replies ? Result<void>() : Result<void>(replies.error());
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
    const Result<RedisReply> known = m_client.command({"SMEMBERS", key("pipelines")});
    if (!known) {
        return known.error();
    }
    QList<QList<QByteArray>> commands;
    for (const RedisReply& name : known->elements) {
        commands.append({"ZCARD", m_prefix + "ready:" + name.string});
    }
    if (commands.isEmpty()) {
        return QMap<QString, qint64>();
    }
    const Result<QList<RedisReply>> counts = m_client.pipeline(commands);
    if (!counts) {
        return counts.error();
    }
    QMap<QString, qint64> ready;
    for (qsizetype i = 0; i < counts->size(); ++i) {
        ready.insert(QString::fromUtf8(known->elements[i].string), counts->at(i).integer);
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
    const Result<RedisReply> reply = m_client.command({"HGETALL", key("depth")});
    if (!reply) {
        return reply.error();
    }
    QMap<int, qint64> depth;
    const QList<RedisReply>& items = reply->elements;
    for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
        const qint64 count = items[i + 1].string.toLongLong();
        if (count > 0) {
            depth.insert(items[i].string.toInt(), count);
        }
    }
    return depth;
}

Result<qint64> JobQueue::inFlightCount()
{
    const Result<RedisReply> reply = m_client.command({"ZCARD", key("inflight")});
    return reply ? Result<qint64>(reply->integer) : Result<qint64>(reply.error());
}

Result<qint64> JobQueue::retryingCount()
{
    const Result<RedisReply> reply = m_client.command({"ZCARD", key("delayed")});
    return reply ? Result<qint64>(reply->integer) : Result<qint64>(reply.error());
}

Result<bool> JobQueue::waitForWork(int timeoutMs, const QList<QByteArray>& pipelines)
{
    QList<QByteArray> command{"BLPOP"};
    for (const QByteArray& pipeline : pipelines) {
        command.append(m_prefix + "wake:" + pipeline);
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
