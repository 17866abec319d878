#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <thread>

namespace pixelnest
{

// Live job events for consoles: LISTENs on kImagesChannel over its own PostgreSQL connection
// on its own thread, and reports on the thread that owns this object:
// - jobsChanged: ids whose status, priority or attempts changed, or that were inserted,
//   deduplicated and batched (at most one signal per `batchMs`), as plain values;
// - connectionChanged: LISTEN is (not) active. It reconnects by itself with backoff; what was
//   announced while it was down is lost, so a console refreshes what it shows when this
//   becomes true again.
class JobEventListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobEventListener)

public:
    explicit JobEventListener(QString conninfo, int batchMs = 100, QObject* parent = nullptr);
    // Stops the thread and joins it: every wait of that thread is interruptible, so this
    // returns at once even while a server does not answer.
    ~JobEventListener() override;

    void start();
    bool isConnected() const { return m_connected; }

Q_SIGNALS:
    void jobsChanged(const QList<qint64>& ids);
    void connectionChanged(bool connected, const QString& message);

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    std::thread m_thread;
    bool m_connected = false;
};

} // namespace pixelnest
