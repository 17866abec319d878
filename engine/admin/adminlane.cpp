#include "admin/adminlane.h"

#include "pixelnest/logging.h"
#include "pixelnest/postgrestls.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QThread>

#include <mutex>

namespace pixelnest::engine
{

namespace
{

// Threads of destroyed lanes, still finishing their last call.
QMutex g_retiredMutex;
QList<QPointer<QThread>> g_retired;

} // namespace

AdminClient::SessionSettings consoleSessionSettings(const QString& postgres, int cores)
{
    constexpr int kPostgresDefaultWorkers = 2; // max_parallel_workers_per_gather
    const int workers = qMax(0, cores - 2);    // the leader takes a core too
    if (!postgresIsLocal(postgres) || workers >= kPostgresDefaultWorkers) {
        return {};
    }
    return {{"max_parallel_workers_per_gather", QByteArray::number(workers)}};
}

// The client and its retry state are touched only on the lane's thread; `owner` is shared with
// the GUI thread under `ownerMutex` and cleared when the lane object goes away, so that the
// thread never signals a destroyed object.
struct AdminLane::State
{
    ConnectionConfig config;
    EngineConfig options;
    std::unique_ptr<AdminClient> client;
    QElapsedTimer sinceFailure;
    int backoffMs = 0;
    Error lastError;

    std::mutex ownerMutex;
    AdminLane* owner = nullptr;

    AdminClient* ensureClient()
    {
        if (client) {
            return client.get();
        }
        if (sinceFailure.isValid() && !sinceFailure.hasExpired(backoffMs)) {
            return nullptr; // lastError still describes the outage
        }
        Result<std::unique_ptr<AdminClient>> connected = AdminClient::connect(
            config, options, consoleSessionSettings(config.postgres, QThread::idealThreadCount()));
        if (!connected) {
            lastError = connected.error();
            backoffMs = qBound(500, backoffMs * 2, 5000);
            sinceFailure.start();
            return nullptr;
        }
        backoffMs = 0;
        sinceFailure.invalidate();
        client = std::move(connected).value();
        return client.get();
    }

    void report(bool available, const Error& error)
    {
        std::lock_guard lock(ownerMutex);
        if (owner == nullptr) {
            return;
        }
        AdminLane* target = owner;
        QMetaObject::invokeMethod(
            target,
            [target, available, error] { Q_EMIT target->availabilityChanged(available, error); },
            Qt::QueuedConnection);
    }
};

AdminLane::AdminLane(const QString& name, ConnectionConfig config, EngineConfig options,
                     QObject* parent)
    : QObject(parent), m_state(std::make_shared<State>())
{
    m_state->config = std::move(config);
    m_state->options = std::move(options);
    m_state->owner = this;
    m_thread = new QThread; // no parent: it may outlive this object (see the destructor)
    m_thread->setObjectName(QStringLiteral("lane-") + name);
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

AdminLane::~AdminLane()
{
    {
        std::lock_guard lock(m_state->ownerMutex);
        m_state->owner = nullptr;
    }
    // The client is destroyed on its own thread, after whatever call is running there.
    QMetaObject::invokeMethod(
        m_context, [state = m_state] { state->client.reset(); }, Qt::QueuedConnection);
    m_thread->quit();
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    QMutexLocker lock(&g_retiredMutex);
    g_retired.append(m_thread);
}

void AdminLane::waitForRetiredThreads(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QList<QPointer<QThread>> threads;
    {
        QMutexLocker lock(&g_retiredMutex);
        threads.swap(g_retired);
    }
    for (const QPointer<QThread>& thread : threads) {
        if (thread && !thread->wait(deadline)) {
            qCWarning(lcStore) << "a lane thread is still busy at exit:" << thread->objectName();
        }
    }
}

void AdminLane::setConnection(ConnectionConfig config, EngineConfig options)
{
    QMetaObject::invokeMethod(
        m_context,
        [state = m_state, config = std::move(config), options = std::move(options)] {
            state->client.reset();
            state->config = config;
            state->options = options;
            state->backoffMs = 0;
            state->sinceFailure.invalidate();
        },
        Qt::QueuedConnection);
}

// Tasks reach the lane through this object's event queue, so that none can finish before the
// caller has attached its `.then(…)`: a continuation attached to a finished future would run
// at once, inside the caller (inside a model's fetchMore, inside a view's signal handler).
void AdminLane::post(Task task)
{
    QMetaObject::invokeMethod(
        this, [this, task = std::move(task)]() mutable { send(std::move(task)); },
        Qt::QueuedConnection);
}

void AdminLane::send(Task task)
{
    QMetaObject::invokeMethod(
        m_context,
        [state = m_state, task = std::move(task)] {
            AdminClient* client = state->ensureClient();
            const Error error = task(client, state->lastError);
            const bool down = client == nullptr || error.code == ErrorCode::Unavailable;
            if (down && client != nullptr) {
                state->client.reset(); // reconnect on the next call
                state->lastError = error;
            }
            state->report(!down, down ? state->lastError : Error{});
        },
        Qt::QueuedConnection);
}

void AdminLane::postOffline(std::function<void()> work)
{
    QMetaObject::invokeMethod(
        this,
        [this, work = std::move(work)]() mutable {
            QMetaObject::invokeMethod(m_context, std::move(work), Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace pixelnest::engine
