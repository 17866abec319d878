#include "pixelnest/jobevents.h"

#include "pixelnest/logging.h"
#include "pixelnest/schema.h"

#include <QElapsedTimer>
#include <QSet>

#include <atomic>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

namespace pixelnest
{

namespace
{

constexpr int kConnectTimeoutMs = 10'000;
constexpr int kMaxBackoffMs = 5000;

} // namespace

// What the listening thread and the object share. The thread holds its own reference, so it
// can outlive the object; `owner` is cleared (under the mutex) before the object goes away.
struct JobEventListener::Shared
{
    QString conninfo;
    int batchMs = 100;
    std::mutex mutex;
    JobEventListener* owner = nullptr;
    std::atomic<bool> stop{false};
    int wake[2] = {-1, -1}; // a byte in wake[0] interrupts any poll()

    ~Shared()
    {
        for (int fd : wake) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
    }

    template <typename F> void post(F&& signal)
    {
        std::lock_guard lock(mutex);
        if (owner != nullptr) {
            QMetaObject::invokeMethod(owner, std::forward<F>(signal), Qt::QueuedConnection);
        }
    }

    void postConnection(bool connected, const QString& message)
    {
        post([this, connected, message] {
            // Runs on the owner's thread, where `owner` is still alive (pending events of a
            // destroyed object are discarded).
            owner->m_connected = connected;
            Q_EMIT owner->connectionChanged(connected, message);
        });
    }

    // Waits for `fd` to be ready for `events` or for a stop; false on stop or timeout.
    bool waitFor(int fd, short events, int timeoutMs)
    {
        pollfd fds[2] = {{wake[0], POLLIN, 0}, {fd, events, 0}};
        const int ready = ::poll(fds, fd >= 0 ? 2 : 1, timeoutMs);
        if (ready <= 0 || (fds[0].revents & POLLIN) != 0 || stop) {
            return false;
        }
        return true;
    }

    PGconn* connect(QString& error);
    bool listen(PGconn* conn, QString& error);
    QString pump(PGconn* conn); // returns why the connection ended
    void run();
};

PGconn* JobEventListener::Shared::connect(QString& error)
{
    // Non-blocking connect, so that a stop interrupts it; keepalives detect a silent network
    // partition within about a minute.
    const QByteArray expanded = conninfo.toUtf8();
    const char* keywords[] = {"dbname",           "keepalives_idle",  "keepalives_interval",
                              "keepalives_count", "application_name", nullptr};
    const char* values[] = {expanded.constData(), "15", "5", "3", "pixelnest-console", nullptr};
    PGconn* conn = PQconnectStartParams(keywords, values, 1);
    QElapsedTimer elapsed;
    elapsed.start();
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (conn != nullptr && state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        const short events = state == PGRES_POLLING_READING ? POLLIN : POLLOUT;
        const int left = kConnectTimeoutMs - int(elapsed.elapsed());
        if (left <= 0 || !waitFor(PQsocket(conn), events, left)) {
            error = stop ? QString() : QStringLiteral("PostgreSQL did not answer in time");
            PQfinish(conn);
            return nullptr;
        }
        state = PQconnectPoll(conn);
    }
    if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
        error = conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed()
                     : QStringLiteral("out of memory");
        PQfinish(conn);
        return nullptr;
    }
    return conn;
}

// Sent and awaited without blocking, like the connect, so that a stop interrupts it: the
// owner joins this thread and must never wait on the network.
bool JobEventListener::Shared::listen(PGconn* conn, QString& error)
{
    PQsetnonblocking(conn, 1);
    const QByteArray sql = "LISTEN " + kImagesChannel.toUtf8();
    if (PQsendQuery(conn, sql.constData()) == 0) {
        error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        return false;
    }
    QElapsedTimer elapsed;
    elapsed.start();
    while (PQflush(conn) == 1 || PQisBusy(conn) != 0) {
        const int left = kConnectTimeoutMs - int(elapsed.elapsed());
        if (left <= 0 || !waitFor(PQsocket(conn), POLLIN | POLLOUT, left)) {
            error = stop ? QString() : QStringLiteral("PostgreSQL did not answer LISTEN in time");
            return false;
        }
        if (PQconsumeInput(conn) == 0) {
            error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
            return false;
        }
    }
    bool ok = true;
    while (PGresult* result = PQgetResult(conn)) {
        ok = ok && PQresultStatus(result) == PGRES_COMMAND_OK;
        PQclear(result);
    }
    if (!ok) {
        error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    }
    return ok;
}

QString JobEventListener::Shared::pump(PGconn* conn)
{
    QSet<qint64> pending;
    QElapsedTimer sinceFlush;
    sinceFlush.start();
    while (!stop) {
        const int timeoutMs =
            pending.isEmpty() ? 1000 : qMax(0, batchMs - int(sinceFlush.elapsed()));
        pollfd fds[2] = {{wake[0], POLLIN, 0}, {PQsocket(conn), POLLIN, 0}};
        if (::poll(fds, 2, timeoutMs) < 0 || (fds[0].revents & POLLIN) != 0) {
            return {};
        }
        if (PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK) {
            return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        }
        while (PGnotify* notify = PQnotifies(conn)) {
            for (const QByteArray& id : QByteArray(notify->extra).split(',')) {
                if (const qint64 value = id.toLongLong(); value > 0) {
                    pending.insert(value);
                }
            }
            PQfreemem(notify);
        }
        if (!pending.isEmpty() && sinceFlush.elapsed() >= batchMs) {
            QList<qint64> ids(pending.cbegin(), pending.cend());
            std::sort(ids.begin(), ids.end());
            pending.clear();
            sinceFlush.restart();
            post([this, ids] { Q_EMIT owner->jobsChanged(ids); });
        } else if (pending.isEmpty()) {
            sinceFlush.restart();
        }
    }
    return {};
}

void JobEventListener::Shared::run()
{
    int backoffMs = 200;
    bool reportedDown = false;
    while (!stop) {
        QString error;
        PGconn* conn = connect(error);
        if (conn != nullptr && listen(conn, error)) {
            backoffMs = 200;
            reportedDown = false;
            postConnection(true, {});
            error = pump(conn);
        }
        PQfinish(conn);
        if (stop) {
            break;
        }
        if (!reportedDown) {
            qCWarning(lcStore).noquote() << "live events lost:" << error;
            postConnection(false, error);
            reportedDown = true;
        }
        waitFor(-1, 0, backoffMs);
        backoffMs = qMin(backoffMs * 2, kMaxBackoffMs);
    }
}

JobEventListener::JobEventListener(QString conninfo, int batchMs, QObject* parent)
    : QObject(parent), m_shared(std::make_shared<Shared>())
{
    m_shared->conninfo = std::move(conninfo);
    m_shared->batchMs = qMax(1, batchMs);
    m_shared->owner = this;
    if (::pipe2(m_shared->wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        qCWarning(lcStore) << "live events: cannot create a wake-up pipe";
    }
}

JobEventListener::~JobEventListener()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->owner = nullptr;
        m_shared->stop = true;
    }
    if (m_shared->wake[1] >= 0) {
        const char byte = 1;
        (void)::write(m_shared->wake[1], &byte, 1);
    }
    // Bounded: every wait of the thread (connect, LISTEN, notifications, backoff) polls the
    // wake-up pipe too, so it returns as soon as it sees the byte.
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void JobEventListener::start()
{
    if (!m_thread.joinable()) {
        m_thread = std::thread([shared = m_shared] { shared->run(); });
    }
}

} // namespace pixelnest
