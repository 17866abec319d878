#pragma once

#include "pixelnest/result.h"
#include "queue/redissocket.h"
#include "queue/redisurl.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>

#include <memory>
#include <vector>

struct redisReader;

namespace pixelnest::engine
{

struct RedisReply
{
    enum class Type
    {
        Nil,
        Integer,
        String, // bulk or status string
        Array,
        Error, // `string` holds the server's message (only inside RedisClient)
    };
    Type type = Type::Nil;
    qint64 integer = 0;
    QByteArray string;
    QList<RedisReply> elements;
};

// A Lua script sent once per connection with SCRIPT LOAD and then run by its SHA-1 (EVALSHA);
// a NOSCRIPT reply (server restarted or SCRIPT FLUSH) reloads it transparently.
struct LuaScript
{
    QByteArray name;
    QByteArray source;
    QByteArray sha1;

    static LuaScript fromResource(const QString& name); // :/pixelnest/lua/<name>.lua
};

// A synchronous Redis client owned by exactly one thread: hiredis formats the commands and parses
// the replies, the bytes travel through RedisSocket (plain, unix or TLS). A lost connection is
// re-opened on the next call, with exponential backoff (100 ms to 5 s) between attempts so that
// a dead server is not hammered; while it is down every call fails fast with
// ErrorCode::Unavailable.
//
// Redis Cluster: the URL names any one node. The first MOVED reply shows that it is a cluster;
// from then on the client reads the slot map (CLUSTER SLOTS), keeps a connection per master and
// sends each call to the master of its slot: the slot of the first argument that carries a hash
// tag (every Pixelnest key does). MOVED updates the map and re-sends there; ASK (a slot being
// migrated) sends ASKING and the command to the importing node once. After a node is lost
// (a master killed, its replica promoted) the next call re-reads the slot map first. A
// pipeline's commands must share one slot (the queue's do: one hash tag per shard).
class RedisClient final
{
public:
    explicit RedisClient(RedisUrl url, int timeoutMs = 5000);
    ~RedisClient();
    RedisClient(const RedisClient&) = delete;
    RedisClient& operator=(const RedisClient&) = delete;

    static Result<RedisUrl> parseUrl(const QString& url) { return RedisUrl::parse(url); }

    Result<RedisReply> command(const QList<QByteArray>& arguments);
    // Sends all commands, then reads all replies: one round trip.
    Result<QList<RedisReply>> pipeline(const QList<QList<QByteArray>>& commands);
    Result<RedisReply> eval(const LuaScript& script, const QList<QByteArray>& keys,
                            const QList<QByteArray>& arguments);

    // Read timeout for blocking commands such as BLPOP (which must be longer than their wait).
    void setTimeoutMs(int timeoutMs);
    Result<void> connect();
    bool isConnected() const;
    const RedisUrl& url() const { return m_url; }
    // Whether the server turned out to be a Redis Cluster (a MOVED reply was seen).
    bool isCluster() const { return !m_slots.empty(); }
    // The cluster slot of a key: CRC16 of its hash tag (or of the whole key), mod 16384.
    static int keySlot(const QByteArray& key);

private:
    struct Node;

    Result<QList<RedisReply>> routed(int slot, const QList<QList<QByteArray>>& commands);
    // The replies as they came, error replies included (Type::Error), or the connection's loss.
    Result<QList<RedisReply>> exchange(Node& node, const QList<QList<QByteArray>>& commands);
    Result<void> connectNode(Node& node);
    Result<void> authenticate(Node& node);
    Error nodeLost(Node& node, const QString& what);
    // The next reply on the node's socket (read as needed), or nullptr with `error` set.
    void* readReply(Node& node, QString* error);
    Node& nodeAt(const QString& host, int port);
    Node& target(int slot);
    Result<void> refreshSlots();
    // Follows MOVED and ASK replies among `replies` (re-sending those commands), a few hops.
    Result<void> followRedirections(const QList<QList<QByteArray>>& commands,
                                    QList<RedisReply>& replies);

    RedisUrl m_url;
    int m_timeoutMs;
    std::vector<std::unique_ptr<Node>> m_nodes; // [0] is the URL's node
    std::vector<Node*> m_slots;                 // slot -> master; empty until a MOVED
    bool m_slotsStale = false;
};

} // namespace pixelnest::engine
