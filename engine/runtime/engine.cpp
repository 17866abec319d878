#include "pixelnest/engine.h"

#include "pixelnest/logging.h"
#include "queue/redisurl.h"
#include "runtime/dispatcher.h"
#include "runtime/enginecontext.h"
#include "runtime/leasekeeper.h"
#include "runtime/maintenance.h"
#include "runtime/resultwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSysInfo>

#include <thread>

namespace pixelnest
{

using namespace engine;

struct Engine::Impl
{
    // On the heap: a pipeline task stuck past the drain deadline (a decoder that never returns
    // cannot be interrupted in C++) keeps using it, so it is then left to the process's end
    // instead of being destroyed under the task.
    std::unique_ptr<EngineContext> owned = std::make_unique<EngineContext>();
    EngineContext& context = *owned;
    std::vector<std::thread> dispatchers;
    std::vector<std::thread> writers;
    std::thread maintenance;
    std::thread leaseKeeper;
    std::thread supervisor;
    std::atomic<bool> finished{false};
    std::mutex finishedMutex;
    std::condition_variable finishedChanged;
};

Engine::Engine(ConnectionConfig connections, EngineConfig config, PipelineRegistry pipelines,
               QObject* parent)
    : QObject(parent), m_impl(std::make_unique<Impl>())
{
    EngineContext& context = m_impl->context;
    context.connections = std::move(connections);
    context.config = std::move(config);
    context.pipelines = std::move(pipelines);
    context.worker = QStringLiteral("%1:%2")
                         .arg(QSysInfo::machineHostName())
                         .arg(QCoreApplication::applicationPid());
    context.owner = context.worker.toUtf8() + ':' +
                    QByteArray::number(QRandomGenerator::global()->generate(), 16);
    context.pool.setMaxThreadCount(context.config.runtime.workers);
    const RuntimeConfig& runtime = context.config.runtime;
    context.runner = std::make_unique<PipelineRunner>(
        context.pipelines, RetryPolicy{runtime.maxAttempts, runtime.retryBaseMs(), 60'000},
        context.metrics);
}

Engine::~Engine()
{
    requestStop();
    wait();
    if (m_impl->supervisor.joinable()) {
        m_impl->supervisor.join();
    }
    if (m_impl->context.running > 0) {
        (void)m_impl->owned.release(); // see Impl: still in use by a stuck task
    }
}

Result<void> Engine::start()
{
    if (Result<RedisUrl> url = RedisUrl::parse(m_impl->context.connections.redis); !url) {
        return url.error();
    }
    EngineContext& context = m_impl->context;
    const QStringList known = context.pipelines.names();
    const QStringList served =
        context.config.runtime.pipelines.isEmpty() ? known : context.config.runtime.pipelines;
    context.served.clear();
    for (const QString& pipeline : served) {
        if (!known.contains(pipeline)) {
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("--pipelines names '%1', which this engine does not "
                                            "have (it has: %2)")
                                 .arg(pipeline, known.join(QStringLiteral(", "))));
        }
        context.served.append(pipeline.toUtf8());
    }
    qCInfo(lcRuntime).noquote() << QStringLiteral(
                                       "engine %1 starting: %2 workers, batch %3, lease %4 ms, "
                                       "pipelines %5")
                                       .arg(context.worker)
                                       .arg(context.config.runtime.workers)
                                       .arg(context.config.runtime.batchSize)
                                       .arg(context.config.runtime.leaseMs())
                                       .arg(served.join(QStringLiteral(", ")));
    m_impl->leaseKeeper = std::thread([&context] { LeaseKeeper(context).run(); });
    m_impl->maintenance = std::thread([&context] { Maintenance(context).run(); });
    const int lanes = context.config.runtime.lanes();
    context.dispatchersRunning = lanes;
    context.writersRunning = lanes;
    for (int lane = 0; lane < lanes; ++lane) {
        m_impl->writers.emplace_back([&context] { ResultWriter(context).run(); });
        m_impl->dispatchers.emplace_back([&context] { Dispatcher(context).run(); });
    }
    // The drain in order: no more claims, the pool empties, the writer settles every result,
    // the lease keeper stops renewing last. All of it within the drain deadline: past it, what
    // is unfinished is counted, logged and left to the reaper.
    m_impl->supervisor = std::thread([this] {
        EngineContext& context = m_impl->context;
        for (std::thread& dispatcher : m_impl->dispatchers) {
            dispatcher.join();
        }
        const qint64 drainMs = std::chrono::milliseconds(context.config.runtime.drain).count();
        const qint64 spentMs = QDateTime::currentMSecsSinceEpoch() - context.stopRequestedAtMs;
        if (!context.pool.waitForDone(int(qMax<qint64>(0, drainMs - spentMs)))) {
            qCWarning(lcRuntime) << "drain deadline passed with" << context.running.load()
                                 << "jobs still running; their leases expire and other engines "
                                    "take them";
        }
        for (std::thread& writer : m_impl->writers) {
            writer.join();
        }
        m_impl->maintenance.join();
        m_impl->leaseKeeper.join();
        // One line an operator (or bench/many_engines.sh) reads for what this run did.
        const EngineMetrics& metrics = context.metrics;
        qCInfo(lcRuntime).nospace()
            << "engine stopped: " << metrics.completed.load() << " completed, "
            << metrics.failed.load() << " failed, " << metrics.retried.load() << " retried; "
            << metrics.claims.load() << " claims, " << metrics.emptyClaims.load() << " empty";
        {
            std::lock_guard lock(m_impl->finishedMutex);
            m_impl->finished = true;
        }
        m_impl->finishedChanged.notify_all();
        QMetaObject::invokeMethod(this, &Engine::finished, Qt::QueuedConnection);
    });
    return {};
}

void Engine::requestStop()
{
    qint64 notYet = 0;
    m_impl->context.stopRequestedAtMs.compare_exchange_strong(notYet,
                                                              QDateTime::currentMSecsSinceEpoch());
    if (!m_impl->context.stopClaiming.exchange(true)) {
        qCInfo(lcRuntime) << "engine stopping: no new claims; finishing"
                          << m_impl->context.inFlight.size() << "jobs in flight";
    }
}

bool Engine::wait(int timeoutMs)
{
    if (!m_impl->supervisor.joinable()) {
        return true; // never started
    }
    std::unique_lock lock(m_impl->finishedMutex);
    if (timeoutMs < 0) {
        m_impl->finishedChanged.wait(lock, [this] { return m_impl->finished.load(); });
        return true;
    }
    return m_impl->finishedChanged.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                            [this] { return m_impl->finished.load(); });
}

bool Engine::isFinished() const
{
    return m_impl->finished;
}

EngineMetrics& Engine::metrics()
{
    return m_impl->context.metrics;
}

QString Engine::workerName() const
{
    return m_impl->context.worker;
}

Result<void> Engine::readiness() const
{
    const EngineContext& context = m_impl->context;
    if (const qint64 stuck = context.stuck.pastTwiceTheTimeout(QDateTime::currentMSecsSinceEpoch());
        stuck != 0) {
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("a worker is stuck on job %1 past twice its timeout").arg(stuck));
    }
    if (!context.metrics.postgresUp) {
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         QStringLiteral("PostgreSQL is not reachable"));
    }
    if (!context.metrics.redisUp) {
        return makeError(Service::Redis, ErrorCode::Unavailable,
                         QStringLiteral("Redis is not reachable"));
    }
    for (const PipelineReadiness& pipeline : pipelineReadiness()) {
        if (!pipeline.ready) {
            const Error& error = pipeline.ready.error();
            return makeError(
                error.code, QStringLiteral("pipeline %1: %2").arg(pipeline.pipeline, error.message),
                error.service);
        }
    }
    return {};
}

QList<Engine::PipelineReadiness> Engine::pipelineReadiness() const
{
    QList<PipelineReadiness> states;
    const PipelineRegistry& pipelines = m_impl->context.pipelines;
    for (const QString& name : pipelines.names()) {
        PipelineReadiness state{name, {}, false};
        for (const StagePtr& stage : pipelines.find(name)->stages) {
            if (Result<void> ready = stage->ready(); !ready && state.ready) {
                state.ready = ready;
            }
            state.loadsOnFirstJob = state.loadsOnFirstJob || stage->loadsOnFirstJob();
            state.loading = state.loading || stage->loading();
        }
        states.append(state);
    }
    return states;
}

} // namespace pixelnest
