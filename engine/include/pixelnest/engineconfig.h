#pragma once

#include "pixelnest/imagelimits.h"
#include "pixelnest/inferenceconfig.h"

#include <QString>
#include <QStringList>
#include <QThread>

#include <chrono>

namespace pixelnest
{

// The engine's own threads: claiming, leases, retries, maintenance.
struct RuntimeConfig
{
    int workers = qMax(2, QThread::idealThreadCount()); // pipeline threads (--workers)
    int batchSize = 64;                      // jobs claimed per round trip (--batch-size)
    int maxInFlight = 0;                     // backpressure bound; 0 = 4 × batchSize
    std::chrono::milliseconds lease{30'000}; // --lease-seconds
    // Attempts per round (submit or reprocess) before a transient failure or a lost lease is
    // final (--max-attempts). The engine that ends an attempt applies its own limit.
    int maxAttempts = 3;
    std::chrono::milliseconds retryBase{1000}; // backoff: base × 2^(attempt−1), at most 60 s
    std::chrono::milliseconds reconcileGrace{10'000};
    std::chrono::milliseconds heartbeatInterval{1000};
    bool exitWhenIdle = false; // stop once nothing is queued or processing anywhere
    // The pipelines this engine claims (--pipelines a,b); empty: every pipeline it has. Each has
    // its own queue in Redis, so a CPU box can serve `metadata` while GPU boxes take `default`.
    QStringList pipelines;
    // How long a stop waits for the jobs in flight and their results (--drain-seconds); what is
    // unfinished then is left to the reaper of another engine.
    std::chrono::seconds drain{30};
    // How long one attempt may run (--job-timeout); 0: per pipeline, 30 s for `noop` and
    // `metadata`, 60 s for anything with a model. Past it the attempt is given up on: not renewed,
    // retried or failed with "timed out after N s".
    std::chrono::seconds jobTimeout{0};
    // Bytes the jobs in flight may hold (originals, decoded images, copies; --memory-budget):
    // claims wait while it is spent, and an image whose decoding alone would not fit fails at
    // once. 0: a quarter of the machine's memory, at most 768 MiB (defaultMemoryBudgetBytes).
    qint64 memoryBudgetBytes = 0;
    qint64 effectiveMemoryBudgetBytes() const
    {
        return memoryBudgetBytes > 0 ? memoryBudgetBytes : 768LL * 1024 * 1024;
    }

    std::chrono::milliseconds timeoutFor(const QString& pipeline) const
    {
        if (jobTimeout.count() > 0) {
            return jobTimeout;
        }
        const bool modelFree =
            pipeline == QLatin1String("noop") || pipeline == QLatin1String("metadata");
        return std::chrono::seconds(modelFree ? 30 : 60);
    }

    int effectiveMaxInFlight() const { return maxInFlight > 0 ? maxInFlight : 4 * batchSize; }
    // Claim loops, and result writers, each with its own Redis and PostgreSQL connections. Two
    // keep one batch's claim round trips going while another's results are written: +19 % of
    // `noop` jobs/s on two cores (bench_queue throughput, 20,000 jobs, three alternating pairs
    // of runs on fresh stacks). One for a one-worker engine, of which many may share a server
    // (bench/many_engines.sh).
    int lanes() const { return workers >= 2 ? 2 : 1; }
    // For the calls that take milliseconds (Redis PX, SQL intervals, QElapsedTimer).
    int leaseMs() const { return int(lease.count()); }
    int retryBaseMs() const { return int(retryBase.count()); }
    int reconcileGraceMs() const { return int(reconcileGrace.count()); }
    int heartbeatMs() const { return int(heartbeatInterval.count()); }
};

// What engines and consoles must agree on to share one Redis, and how the engine is watched.
struct ServiceConfig
{
    QString ns = QStringLiteral("pixelnest"); // Redis key namespace (hash tag), --namespace
    // --queue-shards: hash tags the queue is spread over (Redis Cluster). 0: what the namespace
    // already uses (1 for a new one). Kept in Redis, so every engine and console agrees.
    int queueShards = 0;
    QString metricsListen;        // HOST:PORT for /metrics; empty: none
    QString metricsTokenFile;     // --metrics-token: bearer token /metrics requires (mode 600)
    bool metricsInsecure = false; // --metrics-insecure: serve a non-loopback address openly
};

// Every setting of an engine (and of the console's in-process engine and admin service), parsed
// and validated once in src/ from flags, environment and config file, then used whole.
struct EngineConfig
{
    RuntimeConfig runtime;
    InferenceConfig inference;
    ServiceConfig service;
    ImageLimits limits;
};

} // namespace pixelnest
