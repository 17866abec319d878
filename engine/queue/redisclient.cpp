#include "queue/redisclient.h"

#include "pixelnest/logging.h"

#include <QCryptographicHash>
#include <QFile>

#include <hiredis/hiredis.h>

#include <csignal>
#include <mutex>
#include <vector>

namespace pixelnest::engine
{

namespace
{

constexpr int kMinBackoffMs = 100;
constexpr int kMaxBackoffMs = 5000;

RedisReply convert(const redisReply* reply)
{
    RedisReply out;
    switch (reply->type) {
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = reply->integer;
        break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::String;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        for (size_t i = 0; i < reply->elements; ++i) {
            out.elements.append(convert(reply->element[i]));
        }
        break;
    default:
        break;
    }
    return out;
}

timeval toTimeval(int ms)
{
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

void appendArguments(redisContext* context, const QList<QByteArray>& arguments)
{
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    for (const QByteArray& argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    redisAppendCommandArgv(context, int(argv.size()), argv.data(), lengths.data());
}

} // namespace

LuaScript LuaScript::fromResource(const QString& name)
{
    QFile file(QStringLiteral(":/pixelnest/lua/%1.lua").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("Lua script %s is not built in", qPrintable(name));
    }
    LuaScript script;
    script.name = name.toUtf8();
    script.source = file.readAll();
    script.sha1 = QCryptographicHash::hash(script.source, QCryptographicHash::Sha1).toHex();
    return script;
}

RedisClient::RedisClient(RedisUrl url, int timeoutMs)
    : m_url(std::move(url)), m_timeoutMs(timeoutMs)
{
    // A write to a socket the server closed (restart, CLIENT KILL) must be an error return,
    // not a process-killing SIGPIPE. hiredis does not use MSG_NOSIGNAL, so ignore the signal.
    static std::once_flag ignored;
    std::call_once(ignored, [] { ::signal(SIGPIPE, SIG_IGN); });
}

RedisClient::~RedisClient()
{
    if (m_context != nullptr) {
        redisFree(m_context);
    }
}

void RedisClient::setTimeoutMs(int timeoutMs)
{
    m_timeoutMs = timeoutMs;
    if (m_context != nullptr) {
        redisSetTimeout(m_context, toTimeval(timeoutMs));
    }
}

Error RedisClient::connectionLost(const QString& what)
{
    if (m_context != nullptr) {
        redisFree(m_context);
        m_context = nullptr;
    }
    m_backoffMs = qBound(kMinBackoffMs, m_backoffMs * 2, kMaxBackoffMs);
    m_sinceFailure.start();
    return makeError(Service::Redis, ErrorCode::Unavailable,
                     QStringLiteral("Redis at %1 unreachable: %2").arg(m_url.display(), what));
}

Result<void> RedisClient::connect()
{
    if (m_context != nullptr) {
        return {};
    }
    if (m_sinceFailure.isValid() && !m_sinceFailure.hasExpired(m_backoffMs)) {
        return makeError(Service::Redis, ErrorCode::Unavailable,
                         QStringLiteral("Redis at %1 unreachable (retrying)").arg(m_url.display()));
    }
    const timeval timeout = toTimeval(qMin(m_timeoutMs, 5000));
    m_context =
        m_url.socketPath.isEmpty()
            ? redisConnectWithTimeout(m_url.host.toUtf8().constData(), m_url.port, timeout)
            : redisConnectUnixWithTimeout(QFile::encodeName(m_url.socketPath).constData(), timeout);
    if (m_context == nullptr || m_context->err) {
        const QString reason =
            m_context ? QString::fromUtf8(m_context->errstr) : QStringLiteral("out of memory");
        return connectionLost(reason);
    }
    redisSetTimeout(m_context, toTimeval(m_timeoutMs));
    if (Result<void> authed = authenticate(); !authed) {
        return authed;
    }
    m_backoffMs = 0;
    m_sinceFailure.invalidate();
    return {};
}

Result<void> RedisClient::authenticate()
{
    QList<QList<QByteArray>> setup;
    if (!m_url.password.isEmpty()) {
        setup.append(m_url.user.isEmpty()
                         ? QList<QByteArray>{"AUTH", m_url.password.toUtf8()}
                         : QList<QByteArray>{"AUTH", m_url.user.toUtf8(), m_url.password.toUtf8()});
    }
    if (m_url.database != 0) {
        setup.append({"SELECT", QByteArray::number(m_url.database)});
    }
    if (setup.isEmpty()) {
        return {};
    }
    const Result<QList<RedisReply>> replies = pipeline(setup);
    if (!replies) {
        // Never echo the password: the server's reply names the problem ("WRONGPASS ...").
        const Error error = replies.error();
        connectionLost(error.message);
        return error;
    }
    return {};
}

Result<QList<RedisReply>> RedisClient::pipeline(const QList<QList<QByteArray>>& commands)
{
    if (Result<void> connected = connect(); !connected) {
        return connected.error();
    }
    for (const QList<QByteArray>& arguments : commands) {
        appendArguments(m_context, arguments);
    }
    QList<RedisReply> replies;
    QString firstError;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        void* raw = nullptr;
        if (redisGetReply(m_context, &raw) != REDIS_OK || raw == nullptr) {
            return connectionLost(QString::fromUtf8(m_context->errstr));
        }
        auto* reply = static_cast<redisReply*>(raw);
        if (reply->type == REDIS_REPLY_ERROR && firstError.isEmpty()) {
            firstError = QString::fromUtf8(reply->str, qsizetype(reply->len));
        }
        replies.append(convert(reply));
        freeReplyObject(reply);
    }
    if (!firstError.isEmpty()) {
        // WRONGPASS/NOAUTH (the login) and NOPERM (its ACL) are the server's refusals, exit 5.
        const bool refused = firstError.startsWith(QLatin1String("WRONGPASS")) ||
                             firstError.startsWith(QLatin1String("NOAUTH")) ||
                             firstError.startsWith(QLatin1String("NOPERM"));
        const ErrorCode code = firstError.startsWith(QLatin1String("NOSCRIPT"))
                                   ? ErrorCode::NotFound
                               : refused ? ErrorCode::PermissionDenied
                                         : ErrorCode::Internal;
        return makeError(Service::Redis, code, QStringLiteral("Redis: %1").arg(firstError));
    }
    return replies;
}

Result<RedisReply> RedisClient::command(const QList<QByteArray>& arguments)
{
    Result<QList<RedisReply>> replies = pipeline({arguments});
    if (!replies) {
        return replies.error();
    }
    return replies.value().first();
}

Result<RedisReply> RedisClient::eval(const LuaScript& script, const QList<QByteArray>& keys,
                                     const QList<QByteArray>& arguments)
{
    QList<QByteArray> call{"EVALSHA", script.sha1, QByteArray::number(keys.size())};
    call += keys;
    call += arguments;
    Result<RedisReply> reply = command(call);
    if (!reply && reply.error().code == ErrorCode::NotFound) {
        qCDebug(lcQueue) << "loading Lua script" << script.name;
        if (Result<RedisReply> loaded = command({"SCRIPT", "LOAD", script.source}); !loaded) {
            return loaded.error();
        }
        reply = command(call);
    }
    return reply;
}

} // namespace pixelnest::engine
