#pragma once

#include "pipeline/pipelinerunner.h"
#include "pixelnest/engine.h"
#include "pixelnest/enginemetrics.h"
#include "runtime/inflightregistry.h"
#include "runtime/outcomequeue.h"
#include "runtime/stuckjobs.h"

#include <QDateTime>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <mutex>

namespace pixelnest::engine
{

// What the engine's threads share. Everything here is thread-safe; connections are not here:
// each thread opens its own.
struct EngineContext
{
    ConnectionConfig connections;
    EngineConfig config;
    PipelineRegistry pipelines;
    EngineMetrics metrics;
    QString worker;   // host:pid, recorded on rows and in history
    QByteArray owner; // host:pid:nonce, the lease owner token in Redis
    InFlightRegistry inFlight;
    StuckJobs stuck;
    OutcomeQueue outcomes;
    // Used by pool tasks, so owned here: it must outlive every task, and the dispatcher that
    // queued them may finish first.
    std::unique_ptr<PipelineRunner> runner;
    QThreadPool pool;
    QList<QByteArray> served; // the pipelines this engine claims (--pipelines; all by default)
    // Dispatch control, read with each heartbeat (runtime/dispatchcontrol.h).
    std::atomic<bool> pausedByControl{false}; // `pixelnest pause --worker` for this engine
    std::atomic<bool> servedPaused{false};    // the namespace or every served pipeline paused
    std::atomic<bool> drainRequested{false};  // `pixelnest drain`: stop claiming, finish, exit
    std::atomic<bool> stopClaiming{false};    // set by requestStop (or when idle, or drained)
    std::atomic<qint64> stopRequestedAtMs{0};
    // Stopping, and the drain has had its time: unwritten work is left to the reaper.
    bool drainExpired() const
    {
        const qint64 since = stopRequestedAtMs;
        return since > 0 && QDateTime::currentMSecsSinceEpoch() - since >
                                std::chrono::milliseconds(config.runtime.drain).count();
    }
    // Set by the last of the lanes' dispatchers (writers) to finish.
    std::atomic<bool> dispatcherDone{false};
    std::atomic<bool> writerDone{false};
    std::atomic<int> dispatchersRunning{0};
    std::atomic<int> writersRunning{0};
    std::atomic<quint64> claimsStarted{0}; // numbers the claims of all lanes, for their tokens
    std::mutex claimRoom;        // a lane counts and fills the room under maxInFlight under it
    std::atomic<int> running{0}; // pipeline tasks queued or running
};

} // namespace pixelnest::engine
