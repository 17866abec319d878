#pragma once

#include "model/queuedjob.h"
#include "pixelnest/result.h"
#include "queue/redisclient.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace pixelnest::engine
{

// The Redis side of dispatch (see lua/README.md for the keys). Holds a RedisClient reference,
// so it belongs to the thread that owns that client.
//
// Shards (Redis Cluster, `--queue-shards N`): the queue's keys exist once per shard, each shard
// under a hash tag of its own, so N shards spread over N slots (and so over the cluster's
// masters). Shard 0 is the namespace's own tag `{ns}`, which also holds what is global (paused
// pipelines, rate limits, engine control, heartbeats, locks); shard S > 0 is `{ns~S.K}`, K chosen
// so that the shards fall in different parts of the slot range. A job lives in shard
// id mod N, so every call about known ids goes to that shard alone. The count is kept in
// `{ns}:shards`: every engine and console uses the namespace's count, and a different one is
// refused while jobs are queued (see resolveShards()).
//
// Order across shards: a claim first asks every shard for its best ready job (the claim script
// with no room: it also moves due retries), then claims from the shard holding the best one.
// The guarantee: the first job of every claim is the highest-priority job ready in any shard
// when the claim starts; the rest of its batch comes from that shard in that shard's order. A
// job can thus be passed by at most one claim batch (--batch-size jobs) per engine of lower
// priority from another shard. With one shard the order is exact, as before.
class JobQueue final
{
public:
    // requestedShards 0: the namespace's count (1 for a new namespace).
    JobQueue(RedisClient& client, const QString& ns, int requestedShards = 0);

    Result<int> enqueue(const QList<QueuedJob>& jobs);
    // Leases up to maxCount ready jobs of `pipelines` (those not paused), highest priority
    // first across them, to `claimToken`.
    Result<QList<qint64>> claim(int maxCount, int leaseMs, const QByteArray& claimToken,
                                const QList<QByteArray>& pipelines);
    // Moves leases still held by `claimToken` to their attempts' tokens.
    Result<int> retag(const QByteArray& claimToken, const QList<Lease>& leases);
    // Returns the ids whose token no longer holds the lease.
    Result<QList<qint64>> renew(const QList<Lease>& leases, int leaseMs);
    // Each only where its token still holds the lease: a stale attempt changes nothing.
    Result<int> ack(const QList<Lease>& leases);
    Result<int> retryLater(const QList<RetryRequest>& jobs);
    Result<QList<ExpiredLease>> reapExpired(int maxCount);
    Result<int> reprioritize(const QList<qint64>& ids, int priority);
    Result<int> remove(const QList<qint64>& ids);
    Result<QList<bool>> present(const QList<qint64>& ids);
    // "Retry now": jobs waiting out a backoff become ready. Returns how many were waiting.
    Result<int> promote(const QList<qint64>& ids);

    // Dispatch control. `pipeline` "*" is the whole namespace (resuming it resumes every
    // pipeline). Resuming wakes idle engines.
    Result<void> setPaused(const QByteArray& pipeline, bool paused);
    Result<QList<QByteArray>> pausedPipelines();
    // Jobs per second a pipeline's claims may take, all engines together (0: no limit).
    Result<void> setRateLimit(const QByteArray& pipeline, double perSecond);
    Result<QMap<QString, double>> rateLimits();
    // Ready jobs per pipeline (every pipeline that has had a job queued).
    Result<QMap<QString, qint64>> readyByPipeline();
    // An instruction for one engine ("pause", "drain"; empty clears it), read with its heartbeat.
    Result<void> setControl(const QByteArray& engineId, const QByteArray& instruction);
    // This engine's instruction and the paused pipelines, in one round trip.
    Result<QPair<QByteArray, QList<QByteArray>>> controlFor(const QByteArray& engineId);
    // Whether each engine's heartbeat key is alive, and for how many more ms (PTTL; -2: gone).
    Result<QList<qint64>> heartbeatTtls(const QList<QByteArray>& engineIds);

    // Ready jobs per priority, and the lease / retry counts.
    Result<QMap<int, qint64>> depthByPriority();
    Result<qint64> inFlightCount();
    Result<qint64> retryingCount();

    // Blocks this connection for up to timeoutMs until work of `pipelines` may be ready. Use a
    // client of its own (or accept that the connection is busy meanwhile).
    Result<bool> waitForWork(int timeoutMs, const QList<QByteArray>& pipelines);

    // A cluster-wide mutex with a TTL (SET NX PX), for maintenance that one engine does at a time.
    Result<bool> tryLock(const QByteArray& name, const QByteArray& token, int ttlMs);
    Result<void> unlock(const QByteArray& name, const QByteArray& token);

    // Heartbeats: one key per engine with a TTL, plus its last snapshot in a hash.
    Result<void> publishHeartbeat(const QByteArray& engineId, const QByteArray& json, int ttlMs);
    Result<QList<QByteArray>> heartbeats();
    Result<void> forgetWorker(const QByteArray& engineId);

    // A key of shard 0 (the namespace's own tag).
    QByteArray key(const char* name) const;
    // The shard count in use (reads or records it on first use).
    Result<int> shards();
    // The key prefix of shard `shard` of `ns` among `count` ("{ns}:" for shard 0).
    static QByteArray shardPrefix(const QString& ns, int shard, int count);

private:
    // Reads `{ns}:shards` (again after a second: a process started before another recorded a
    // count follows it); records the requested count where none is kept yet, or where the queue
    // is empty; refuses a different count while jobs are queued.
    Result<void> resolveShards();
    QByteArray keyIn(int shard, const char* name) const;
    int shardOf(qint64 id) const { return int(id % m_shardCount); }
    Result<QList<qint64>> claimFrom(int shard, int maxCount, int leaseMs,
                                    const QByteArray& claimToken,
                                    const QList<QByteArray>& pipelines, QByteArray* bestScore);
    Result<int> readShardCount();
    Result<qint64> countInShards(const char* sortedSet);

    RedisClient& m_client;
    QString m_ns;
    QByteArray m_prefix; // "{ns}:", shard 0
    int m_requested = 0;
    int m_shardCount = 0;         // 0 until resolved
    QElapsedTimer m_shardsReadAt; // read again after a second: the count may change
    QList<QByteArray> m_prefixes; // per shard
    int m_waitRound = 0;
};

} // namespace pixelnest::engine
