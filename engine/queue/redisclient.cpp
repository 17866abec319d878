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

// One command in the protocol's wire form, appended to `out` (a pipeline is one write).
void appendCommand(QByteArray& out, const QList<QByteArray>& arguments)
{
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    for (const QByteArray& argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    char* formatted = nullptr;
    const int length =
        redisFormatCommandArgv(&formatted, int(argv.size()), argv.data(), lengths.data());
    if (length < 0) {
        qFatal("out of memory formatting a Redis command");
    }
    out.append(formatted, length);
    redisFreeCommand(formatted);
}

constexpr qsizetype kReadChunk = 16 * 1024;

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
    // A TLS write to a socket the server closed (restart, CLIENT KILL) must be an error return,
    // not a process-killing SIGPIPE. OpenSSL's socket BIO does not use MSG_NOSIGNAL, so ignore
    // the signal.
    static std::once_flag ignored;
    std::call_once(ignored, [] { ::signal(SIGPIPE, SIG_IGN); });
}

RedisClient::~RedisClient()
{
    if (m_reader != nullptr) {
        redisReaderFree(m_reader);
    }
}

void RedisClient::setTimeoutMs(int timeoutMs)
{
    m_timeoutMs = timeoutMs;
    if (m_socket) {
        m_socket->setTimeoutMs(timeoutMs);
    }
}

Error RedisClient::connectionLost(const QString& what)
{
    m_socket.reset();
    if (m_reader != nullptr) {
        redisReaderFree(m_reader);
        m_reader = nullptr;
    }
    m_backoffMs = qBound(kMinBackoffMs, m_backoffMs * 2, kMaxBackoffMs);
    m_sinceFailure.start();
    return makeError(Service::Redis, ErrorCode::Unavailable,
                     QStringLiteral("Redis at %1 unreachable: %2").arg(m_url.display(), what));
}

Result<void> RedisClient::connect()
{
    if (m_socket) {
        return {};
    }
    if (m_sinceFailure.isValid() && !m_sinceFailure.hasExpired(m_backoffMs)) {
        return makeError(Service::Redis, ErrorCode::Unavailable,
                         QStringLiteral("Redis at %1 unreachable (retrying)").arg(m_url.display()));
    }
    QString reason;
    m_socket = RedisSocket::open(m_url, qMin(m_timeoutMs, 5000), &reason);
    if (!m_socket) {
        return connectionLost(reason);
    }
    m_socket->setTimeoutMs(m_timeoutMs);
    m_reader = redisReaderCreate();
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
    QByteArray wire;
    for (const QList<QByteArray>& arguments : commands) {
        appendCommand(wire, arguments);
    }
    if (!m_socket->writeAll(wire)) {
        return connectionLost(m_socket->errorString());
    }
    QList<RedisReply> replies;
    QString firstError;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        QString lost;
        void* raw = readReply(&lost);
        if (raw == nullptr) {
            return connectionLost(lost);
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

void* RedisClient::readReply(QString* error)
{
    for (;;) {
        void* reply = nullptr;
        if (redisReaderGetReply(m_reader, &reply) != REDIS_OK) {
            *error = QStringLiteral("protocol error: %1").arg(QString::fromUtf8(m_reader->errstr));
            return nullptr;
        }
        if (reply != nullptr) {
            return reply;
        }
        char buffer[kReadChunk];
        const qsizetype received = m_socket->read(buffer, kReadChunk);
        if (received < 0) {
            *error = m_socket->errorString();
            return nullptr;
        }
        redisReaderFeed(m_reader, buffer, size_t(received));
    }
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
