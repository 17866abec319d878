#pragma once

#include "pixelnest/connectionconfig.h"
#include "pixelnest/engineconfig.h"
#include "pixelnest/pipelines.h"
#include "pixelnest/result.h"

#include <QObject>

#include <memory>

namespace pixelnest
{

class EngineMetrics;

// The headless engine: claims jobs from Redis, runs their pipelines on a thread pool, writes
// results to PostgreSQL in batches, acks. Threads: dispatcher (claims), writer (results),
// maintenance (heartbeat, lease renewal, reaper, reconciler), plus the pipeline pool; each
// owns its own connections. A dead Redis or PostgreSQL pauses it (one log line) and it resumes
// by itself.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    Engine(ConnectionConfig connections, EngineConfig config, PipelineRegistry pipelines,
           QObject* parent = nullptr);
    ~Engine() override; // requests a stop and waits for the drain

    // Fails at once only on a malformed configuration; unreachable servers are waited for.
    Result<void> start();
    // Thread-safe; returns at once. Stop claiming, finish in-flight jobs, write, ack, exit.
    void requestStop();
    bool wait(int timeoutMs = -1);
    bool isFinished() const;

    EngineMetrics& metrics();
    // PostgreSQL and Redis reachable at the last attempt, and every pipeline stage ready (a
    // model not loaded yet is ready: its first job loads it).
    Result<void> readiness() const;
    // Each pipeline by name: ready, waiting for its first job to load its models, or why not.
    struct PipelineReadiness
    {
        QString pipeline;
        Result<void> ready;
        bool loadsOnFirstJob = false;
        bool loading = false; // its models are being loaded right now
    };
    QList<PipelineReadiness> pipelineReadiness() const;
    QString workerName() const; // host:pid

Q_SIGNALS:
    void finished();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pixelnest
