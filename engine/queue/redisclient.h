#pragma once

#include "pixelnest/result.h"
#include "queue/redissocket.h"
#include "queue/redisurl.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>

#include <memory>

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

// A synchronous Redis connection owned by exactly one thread: hiredis formats the commands and
// parses the replies, the bytes travel through RedisSocket (plain, unix or TLS). A lost connection
// is re-opened on the next call, with exponential backoff (100 ms to 5 s) between attempts so that
// a dead server is not hammered; while it is down every call fails fast with
// ErrorCode::Unavailable.
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
    bool isConnected() const { return m_socket != nullptr; }
    const RedisUrl& url() const { return m_url; }

private:
    Result<void> authenticate();
    Error connectionLost(const QString& what);
    // The next reply on the socket (read as needed), or nullptr with `error` set.
    void* readReply(QString* error);

    RedisUrl m_url;
    int m_timeoutMs;
    std::unique_ptr<RedisSocket> m_socket;
    redisReader* m_reader = nullptr;
    QElapsedTimer m_sinceFailure;
    int m_backoffMs = 0;
};

} // namespace pixelnest::engine
