#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace pixelnest
{

// Runs `work` on the global thread pool and hands its value back as a QFuture (consumed with
// `.then(context, …)`): for one-off blocking work that needs no lane, such as starting the
// local stack or asking a server its version. The task is a plain lambda, not a QObject.
template <typename T> QFuture<T> runInBackground(std::function<T()> work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    // Started from the event loop, so that the caller attaches its `.then(…)` first (a
    // continuation on a finished future would run at once, inside the caller).
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [promise, work = std::move(work)]() mutable {
            QThreadPool::globalInstance()->start([promise, work = std::move(work)] {
                promise->addResult(work());
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace pixelnest
