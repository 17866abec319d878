// Why this file is long: one client, one mechanism. The connections (one per Redis Cluster
// master), the slot map, routing by hash tag and following MOVED/ASK all work on the same nodes
// and must agree on when a node is lost; the wire format and Lua loading sit on top of them.
#include "queue/redisclient.h"

#include "pixelnest/logging.h"

#include <QCryptographicHash>
#include <QFile>

#include <hiredis/hiredis.h>

#include <csignal>
#include <mutex>
#include <optional>
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
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::Error;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
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
constexpr int kClusterSlots = 16384;
constexpr int kMaxRedirections = 5;

// Redis Cluster's key hash: CRC16-CCITT (XMODEM), polynomial 0x1021, initial value 0.
quint16 crc16(const char* bytes, qsizetype length)
{
    quint16 crc = 0;
    for (qsizetype i = 0; i < length; ++i) {
        crc ^= quint16(quint16(uchar(bytes[i])) << 8);
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 0x8000) != 0 ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
        }
    }
    return crc;
}

// The slot of the first argument from `from` on that carries a non-empty hash tag, or -1
// (a key-less command, or keys without a tag: any node, and a MOVED says otherwise).
int taggedSlot(const QList<QByteArray>& arguments, int from)
{
    for (qsizetype i = from; i < arguments.size(); ++i) {
        const QByteArray& argument = arguments.at(i);
        const qsizetype open = argument.indexOf('{');
        if (open >= 0 && argument.indexOf('}', open + 1) > open + 1) {
            return RedisClient::keySlot(argument);
        }
    }
    return -1;
}

int commandSlot(const QList<QList<QByteArray>>& commands)
{
    for (const QList<QByteArray>& command : commands) {
        if (const int slot = taggedSlot(command, 1); slot >= 0) {
            return slot;
        }
    }
    return -1;
}

// "MOVED 3999 127.0.0.1:6381" / "ASK 3999 127.0.0.1:6381": the node to go to.
struct Redirection
{
    bool ask = false;
    int slot = -1;
    QString host;
    int port = 0;
};

std::optional<Redirection> redirectionIn(const RedisReply& reply)
{
    if (reply.type != RedisReply::Type::Error ||
        !(reply.string.startsWith("MOVED ") || reply.string.startsWith("ASK "))) {
        return std::nullopt;
    }
    const QList<QByteArray> parts = reply.string.split(' ');
    const qsizetype colon = parts.value(2).lastIndexOf(':');
    if (parts.size() < 3 || colon < 0) {
        return std::nullopt;
    }
    return Redirection{parts[0] == "ASK", parts[1].toInt(), QString::fromUtf8(parts[2].left(colon)),
                       parts[2].mid(colon + 1).toInt()};
}

} // namespace

struct RedisClient::Node
{
    RedisUrl url;
    std::unique_ptr<RedisSocket> socket;
    redisReader* reader = nullptr;
    QElapsedTimer sinceFailure;
    int backoffMs = 0;

    void close()
    {
        socket.reset();
        if (reader != nullptr) {
            redisReaderFree(reader);
            reader = nullptr;
        }
    }
    ~Node() { close(); }
};

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
    auto seed = std::make_unique<Node>();
    seed->url = m_url;
    m_nodes.push_back(std::move(seed));
}

RedisClient::~RedisClient() = default;

int RedisClient::keySlot(const QByteArray& key)
{
    // Only the part inside the first {…} is hashed when it is not empty: keys sharing a tag
    // share a slot.
    const qsizetype open = key.indexOf('{');
    if (open >= 0) {
        const qsizetype close = key.indexOf('}', open + 1);
        if (close > open + 1) {
            return crc16(key.constData() + open + 1, close - open - 1) % kClusterSlots;
        }
    }
    return crc16(key.constData(), key.size()) % kClusterSlots;
}

void RedisClient::setTimeoutMs(int timeoutMs)
{
    m_timeoutMs = timeoutMs;
    for (const auto& node : m_nodes) {
        if (node->socket) {
            node->socket->setTimeoutMs(timeoutMs);
        }
    }
}

bool RedisClient::isConnected() const
{
    return m_nodes.front()->socket != nullptr;
}

Error RedisClient::nodeLost(Node& node, const QString& what)
{
    node.close();
    node.backoffMs = qBound(kMinBackoffMs, node.backoffMs * 2, kMaxBackoffMs);
    node.sinceFailure.start();
    m_slotsStale = isCluster(); // a master may have moved: re-read the map before the next call
    return makeError(Service::Redis, ErrorCode::Unavailable,
                     QStringLiteral("Redis at %1 unreachable: %2").arg(node.url.display(), what));
}

Result<void> RedisClient::connect()
{
    return connectNode(*m_nodes.front());
}

Result<void> RedisClient::connectNode(Node& node)
{
    if (node.socket) {
        return {};
    }
    if (node.sinceFailure.isValid() && !node.sinceFailure.hasExpired(node.backoffMs)) {
        return makeError(
            Service::Redis, ErrorCode::Unavailable,
            QStringLiteral("Redis at %1 unreachable (retrying)").arg(node.url.display()));
    }
    QString reason;
    node.socket = RedisSocket::open(node.url, qMin(m_timeoutMs, 5000), &reason);
    if (!node.socket) {
        return nodeLost(node, reason);
    }
    node.socket->setTimeoutMs(m_timeoutMs);
    node.reader = redisReaderCreate();
    if (Result<void> authed = authenticate(node); !authed) {
        return authed;
    }
    node.backoffMs = 0;
    node.sinceFailure.invalidate();
    return {};
}

Result<void> RedisClient::authenticate(Node& node)
{
    QList<QList<QByteArray>> setup;
    if (!node.url.password.isEmpty()) {
        setup.append(node.url.user.isEmpty() ? QList<QByteArray>{"AUTH", node.url.password.toUtf8()}
                                             : QList<QByteArray>{"AUTH", node.url.user.toUtf8(),
                                                                 node.url.password.toUtf8()});
    }
    if (node.url.database != 0) {
        setup.append({"SELECT", QByteArray::number(node.url.database)});
    }
    if (setup.isEmpty()) {
        return {};
    }
    const Result<QList<RedisReply>> replies = exchange(node, setup);
    if (!replies) {
        return replies.error();
    }
    for (const RedisReply& reply : replies.value()) {
        if (reply.type == RedisReply::Type::Error) {
            // Never echo the password: the server's reply names the problem ("WRONGPASS ...").
            const QString message = QString::fromUtf8(reply.string);
            nodeLost(node, message);
            const bool refused = message.startsWith(QLatin1String("WRONGPASS")) ||
                                 message.startsWith(QLatin1String("NOAUTH")) ||
                                 message.startsWith(QLatin1String("NOPERM"));
            return makeError(Service::Redis,
                             refused ? ErrorCode::PermissionDenied : ErrorCode::Internal,
                             QStringLiteral("Redis: %1").arg(message));
        }
    }
    return {};
}

Result<QList<RedisReply>> RedisClient::exchange(Node& node,
                                                const QList<QList<QByteArray>>& commands)
{
    if (!node.socket) {
        if (Result<void> connected = connectNode(node); !connected) {
            return connected.error();
        }
    }
    QByteArray wire;
    for (const QList<QByteArray>& arguments : commands) {
        appendCommand(wire, arguments);
    }
    if (!node.socket->writeAll(wire)) {
        return nodeLost(node, node.socket->errorString());
    }
    QList<RedisReply> replies;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        QString lost;
        void* raw = readReply(node, &lost);
        if (raw == nullptr) {
            return nodeLost(node, lost);
        }
        auto* reply = static_cast<redisReply*>(raw);
        replies.append(convert(reply));
        freeReplyObject(reply);
    }
    return replies;
}

RedisClient::Node& RedisClient::nodeAt(const QString& host, int port)
{
    for (const auto& node : m_nodes) {
        if (node->url.host == host && node->url.port == port) {
            return *node;
        }
    }
    auto node = std::make_unique<Node>();
    node->url = m_url; // the same user, password and TLS files on every node
    node->url.host = host;
    node->url.port = port;
    node->url.socketPath.clear();
    node->url.database = 0; // a cluster has database 0 only
    m_nodes.push_back(std::move(node));
    return *m_nodes.back();
}

RedisClient::Node& RedisClient::target(int slot)
{
    if (slot >= 0 && isCluster() && m_slots[slot] != nullptr) {
        return *m_slots[slot];
    }
    return *m_nodes.front();
}

Result<void> RedisClient::refreshSlots()
{
    // Any node answers for the whole cluster; the first one reachable does.
    Error last = makeError(Service::Redis, ErrorCode::Unavailable,
                           QStringLiteral("no Redis Cluster node reachable"));
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        Node& node = *m_nodes[i];
        const Result<QList<RedisReply>> replies = exchange(node, {{"CLUSTER", "SLOTS"}});
        if (!replies) {
            last = replies.error();
            continue;
        }
        const RedisReply& map = replies->first();
        if (map.type != RedisReply::Type::Array) {
            continue;
        }
        std::vector<Node*> slots(kClusterSlots, nullptr);
        for (const RedisReply& range : map.elements) {
            if (range.elements.size() < 3 || range.elements[2].elements.size() < 2) {
                continue;
            }
            const RedisReply& master = range.elements[2];
            // An empty host is "the address you asked me on".
            const QString host = master.elements[0].string.isEmpty()
                                     ? node.url.host
                                     : QString::fromUtf8(master.elements[0].string);
            Node* owner = &nodeAt(host, int(master.elements[1].integer));
            const int first =
                int(qBound<qint64>(0, range.elements[0].integer, qint64(kClusterSlots - 1)));
            const int end =
                int(qBound<qint64>(0, range.elements[1].integer, qint64(kClusterSlots - 1)));
            for (int slot = first; slot <= end; ++slot) {
                slots[slot] = owner;
            }
        }
        m_slots = std::move(slots);
        m_slotsStale = false;
        qCDebug(lcQueue) << "Redis Cluster slot map read from" << node.url.display();
        return {};
    }
    return last;
}

Result<void> RedisClient::followRedirections(const QList<QList<QByteArray>>& commands,
                                             QList<RedisReply>& replies)
{
    for (int hop = 0; hop < kMaxRedirections; ++hop) {
        bool redirected = false;
        for (qsizetype i = 0; i < replies.size(); ++i) {
            const std::optional<Redirection> to = redirectionIn(replies.at(i));
            if (!to) {
                continue;
            }
            redirected = true;
            Node& node = nodeAt(to->host, to->port);
            if (to->ask) {
                // One command, once, on the node importing the slot; the map stays.
                Result<QList<RedisReply>> asked = exchange(node, {{"ASKING"}, commands.at(i)});
                if (!asked) {
                    return asked.error();
                }
                replies[i] = asked->at(1);
                continue;
            }
            if (!isCluster()) {
                m_slots.assign(kClusterSlots, nullptr);
                m_slotsStale = true;
            }
            if (to->slot >= 0 && to->slot < kClusterSlots) {
                m_slots[to->slot] = &node; // now; the whole map is re-read before the next call
            }
            m_slotsStale = true;
            Result<QList<RedisReply>> again = exchange(node, {commands.at(i)});
            if (!again) {
                return again.error();
            }
            replies[i] = again->first();
        }
        if (!redirected) {
            return {};
        }
    }
    return {};
}

Result<QList<RedisReply>> RedisClient::routed(int slot, const QList<QList<QByteArray>>& commands)
{
    if (m_slotsStale) {
        (void)refreshSlots(); // unreachable now: the call below says so
    }
    Result<QList<RedisReply>> replies = exchange(target(slot), commands);
    if (!replies) {
        return replies.error();
    }
    if (Result<void> followed = followRedirections(commands, replies.value()); !followed) {
        return followed.error();
    }
    for (const RedisReply& reply : replies.value()) {
        if (reply.type != RedisReply::Type::Error) {
            continue;
        }
        const QString message = QString::fromUtf8(reply.string);
        // WRONGPASS/NOAUTH (the login) and NOPERM (its ACL) are the server's refusals, exit 5.
        // CLUSTERDOWN/TRYAGAIN/LOADING: a failover or restart in progress, so unavailable.
        const bool refused = message.startsWith(QLatin1String("WRONGPASS")) ||
                             message.startsWith(QLatin1String("NOAUTH")) ||
                             message.startsWith(QLatin1String("NOPERM"));
        const bool passing = message.startsWith(QLatin1String("CLUSTERDOWN")) ||
                             message.startsWith(QLatin1String("TRYAGAIN")) ||
                             message.startsWith(QLatin1String("LOADING")) ||
                             message.startsWith(QLatin1String("MOVED")) ||
                             message.startsWith(QLatin1String("ASK"));
        if (passing) {
            m_slotsStale = isCluster();
        }
        const ErrorCode code = message.startsWith(QLatin1String("NOSCRIPT")) ? ErrorCode::NotFound
                               : refused ? ErrorCode::PermissionDenied
                               : passing ? ErrorCode::Transient
                                         : ErrorCode::Internal;
        return makeError(Service::Redis, code, QStringLiteral("Redis: %1").arg(message));
    }
    return replies;
}

Result<QList<RedisReply>> RedisClient::pipeline(const QList<QList<QByteArray>>& commands)
{
    return routed(commandSlot(commands), commands);
}

void* RedisClient::readReply(Node& node, QString* error)
{
    for (;;) {
        void* reply = nullptr;
        if (redisReaderGetReply(node.reader, &reply) != REDIS_OK) {
            *error =
                QStringLiteral("protocol error: %1").arg(QString::fromUtf8(node.reader->errstr));
            return nullptr;
        }
        if (reply != nullptr) {
            return reply;
        }
        char buffer[kReadChunk];
        const qsizetype received = node.socket->read(buffer, kReadChunk);
        if (received < 0) {
            *error = node.socket->errorString();
            return nullptr;
        }
        redisReaderFeed(node.reader, buffer, size_t(received));
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
    // The script runs where its keys live; with no tagged key, where its tagged arguments point
    // (scripts that build key names from a prefix).
    int slot = taggedSlot(keys, 0);
    if (slot < 0) {
        slot = taggedSlot(arguments, 0);
    }
    QList<QByteArray> call{"EVALSHA", script.sha1, QByteArray::number(keys.size())};
    call += keys;
    call += arguments;
    Result<QList<RedisReply>> reply = routed(slot, {call});
    if (!reply && reply.error().code == ErrorCode::NotFound) {
        qCDebug(lcQueue) << "loading Lua script" << script.name;
        if (Result<QList<RedisReply>> loaded = routed(slot, {{"SCRIPT", "LOAD", script.source}});
            !loaded) {
            return loaded.error();
        }
        reply = routed(slot, {call});
    }
    if (!reply) {
        return reply.error();
    }
    return reply->first();
}

} // namespace pixelnest::engine
