#pragma once

#include "pixelnest/adminclient.h"
#include "pixelnest/engineconfig.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>

class QThread;

namespace pixelnest::engine
{

// The console's PostgreSQL session, for a server that shares this machine's `cores`: a query
// runs on at most cores - 1 of them (its leader and parallel workers), so that one is left to
// the GUI thread. On two cores a search over a million titles ran as a leader and two workers,
// and the console's paints waited 12-22 ms for a CPU (tst_millionrows). Empty for a server
// elsewhere, or where PostgreSQL's default (2 workers) already leaves one.
AdminClient::SessionSettings consoleSessionSettings(const QString& postgres, int cores);

// One AdminClient on its own thread (the client is synchronous and belongs to one thread).
// Calls queue up and run there in order; each returns a QFuture that the GUI consumes with
// `.then(this, …)`, so the GUI thread never waits on PostgreSQL or Redis. AdminServiceImpl keeps
// a few lanes so that a slow page query does not hold up an action, nor an upload the table.
//
// Results never arrive synchronously: a continuation always runs from the event loop.
// A call that finds a service unreachable drops the client; the next call reconnects (with
// backoff, so that a dead server is not hammered).
class AdminLane final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminLane)

public:
    AdminLane(const QString& name, ConnectionConfig config, EngineConfig options,
              QObject* parent = nullptr);
    // Does not wait: the thread finishes its current call, drops the client and ends by itself.
    ~AdminLane() override;

    // Applies to the calls queued after it: the current client is dropped on the lane's thread.
    void setConnection(ConnectionConfig config, EngineConfig options);

    template <typename T> QFuture<Result<T>> run(std::function<Result<T>(AdminClient&)> call)
    {
        auto promise = std::make_shared<QPromise<Result<T>>>();
        QFuture<Result<T>> future = promise->future();
        promise->start();
        post([promise, call = std::move(call)](AdminClient* client, const Error& connectError) {
            if (promise->isCanceled()) {
                promise->finish();
                return Error{};
            }
            Result<T> result = client != nullptr ? call(*client) : Result<T>(connectError);
            const Error error = result ? Error{} : result.error();
            promise->addResult(std::move(result));
            promise->finish();
            return error;
        });
        return future;
    }

    // Runs `work` on this lane's thread with no client (disk work such as reading upload files
    // or writing an export, kept off the GUI thread and in order with this lane's calls).
    template <typename T> QFuture<T> runOffline(std::function<T()> work)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        postOffline([promise, work = std::move(work)] {
            promise->addResult(work());
            promise->finish();
        });
        return future;
    }

    // Waits (bounded) for every lane thread that is still winding down; for the end of main()
    // and of tests, never while the console runs.
    static void waitForRetiredThreads(int timeoutMs);

Q_SIGNALS:
    // After each call: false when it found PostgreSQL or Redis unreachable (`error` says which
    // and why), true otherwise.
    void availabilityChanged(bool available, const pixelnest::Error& error);

private:
    // Returns the call's error (an empty Error{} when it succeeded); ErrorCode::Unavailable
    // means a service is down and the client is dropped.
    using Task = std::function<Error(AdminClient* client, const Error& connectError)>;
    void post(Task task);
    void send(Task task);
    void postOffline(std::function<void()> work);

    struct State;
    std::shared_ptr<State> m_state;
    QThread* m_thread = nullptr;
    QObject* m_context = nullptr; // lives on m_thread: the target of queued calls
};

} // namespace pixelnest::engine
