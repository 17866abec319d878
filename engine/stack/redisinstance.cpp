#include "stack/redisinstance.h"

#include "pixelnest/logging.h"
#include "stack/executables.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <hiredis/hiredis.h>
#include <signal.h>

#include <memory>

namespace pixelnest::engine
{

namespace
{

constexpr int kStartTimeoutMs = 15'000;

using RedisContextPtr = std::unique_ptr<redisContext, decltype(&redisFree)>;

RedisContextPtr connectUnix(const QString& socketPath)
{
    const timeval timeout{1, 0};
    return RedisContextPtr(
        redisConnectUnixWithTimeout(QFile::encodeName(socketPath).constData(), timeout), redisFree);
}

qint64 pidFromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return 0;
    }
    return file.readAll().trimmed().toLongLong();
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.hasExpired(timeoutMs)) {
            return false;
        }
        QThread::msleep(20);
    }
    return true;
}

} // namespace

RedisInstance::RedisInstance(QString dir) : m_dir(std::move(dir)) {}

QString RedisInstance::socketPath() const
{
    return m_dir + QStringLiteral("/redis.sock");
}

bool RedisInstance::running() const
{
    RedisContextPtr context = connectUnix(socketPath());
    if (!context || context->err) {
        return false;
    }
    auto* reply = static_cast<redisReply*>(redisCommand(context.get(), "PING"));
    const bool pong = reply != nullptr && reply->type == REDIS_REPLY_STATUS;
    freeReplyObject(reply);
    return pong;
}

Result<void> RedisInstance::start()
{
    if (running()) {
        return {};
    }
    const Result<QString> server = findRedisServer();
    if (!server) {
        return server.error();
    }
    if (!QDir().mkpath(m_dir)) {
        return makeError(Service::Redis, ErrorCode::Unavailable,
                         QStringLiteral("cannot create %1").arg(m_dir));
    }
    QFile(m_dir).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                QFileDevice::ExeOwner);
    if (Result<void> owned = giveToServerUser(m_dir, Service::Redis, Contents::Too); !owned) {
        return owned;
    }
    QFile::remove(socketPath()); // a socket left by a crash would make the bind fail
    qCInfo(lcStack) << "starting redis-server on" << socketPath();
    const Command command = asServerUser(Command{
        server.value(),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--unixsocket"),
         socketPath(), QStringLiteral("--unixsocketperm"), QStringLiteral("700"),
         QStringLiteral("--dir"), m_dir, QStringLiteral("--appendonly"), QStringLiteral("yes"),
         QStringLiteral("--save"), QString(), QStringLiteral("--daemonize"), QStringLiteral("yes"),
         QStringLiteral("--pidfile"), m_dir + QStringLiteral("/redis.pid"),
         QStringLiteral("--logfile"), m_dir + QStringLiteral("/redis.log")},
        m_dir});
    if (Result<QString> ran = runCommand(command, kStartTimeoutMs); !ran) {
        return ran.error();
    }
    if (!waitFor([this] { return running(); }, kStartTimeoutMs)) {
        return makeError(Service::Redis, ErrorCode::Unavailable,
                         QStringLiteral("redis-server did not answer on %1 (see %2/redis.log)")
                             .arg(socketPath(), m_dir));
    }
    return {};
}

Result<void> RedisInstance::stop()
{
    const QString pidFile = m_dir + QStringLiteral("/redis.pid");
    const qint64 pid = pidFromFile(pidFile);
    if (running()) {
        qCInfo(lcStack) << "stopping redis-server on" << socketPath();
        RedisContextPtr context = connectUnix(socketPath());
        // SHUTDOWN fsyncs the AOF; the server closes the connection instead of replying.
        freeReplyObject(redisCommand(context.get(), "SHUTDOWN"));
    } else if (pid > 0 && ::kill(pid_t(pid), 0) == 0) {
        ::kill(pid_t(pid), SIGTERM);
    }
    if (pid > 0 && !waitFor([pid] { return ::kill(pid_t(pid), 0) != 0; }, kStartTimeoutMs)) {
        return makeError(Service::Redis, ErrorCode::Unavailable,
                         QStringLiteral("redis-server (pid %1) did not stop").arg(pid));
    }
    return {};
}

} // namespace pixelnest::engine
