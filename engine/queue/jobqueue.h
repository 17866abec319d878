#pragma once

#include "model/queuedjob.h"
#include "pixelnest/result.h"
#include "queue/redisclient.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace pixelnest::engine
{

// The Redis side of dispatch (see lua/README.md for the keys). Holds a RedisClient reference,
// so it belongs to the thread that owns that client.
class JobQueue final
{
public:
    JobQueue(RedisClient& client, const QString& ns);

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

    QByteArray key(const char* name) const;

private:
    RedisClient& m_client;
    QByteArray m_prefix; // "{ns}:"
};

} // namespace pixelnest::engine
