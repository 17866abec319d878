#pragma once

#include "queue/redisurl.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace pixelnest::engine
{

class TlsSession;

// The byte stream under one Redis connection: a TCP or unix socket, and for rediss:// a TLS
// session over it (OpenSSL, host name verified). hiredis 0.14 has no TLS, so the client formats
// commands and parses replies with hiredis and moves the bytes through this. Blocking, with the
// read/write timeout as socket options; owned by one thread.
class RedisSocket final
{
public:
    ~RedisSocket();
    RedisSocket(const RedisSocket&) = delete;
    RedisSocket& operator=(const RedisSocket&) = delete;

    // Connects (and for TLS shakes hands) within `connectTimeoutMs`; nullptr with `error` set
    // ("connection refused", "TLS: server certificate not trusted: ...").
    static std::unique_ptr<RedisSocket> open(const RedisUrl& url, int connectTimeoutMs,
                                             QString* error);

    // Read and write timeout; 0 waits for ever.
    void setTimeoutMs(int timeoutMs);
    // All of `bytes`, or false with errorString().
    bool writeAll(const QByteArray& bytes);
    // Up to `capacity` bytes into `buffer`: > 0 bytes read, or -1 with errorString() (closed,
    // timed out, TLS alert).
    qsizetype read(char* buffer, qsizetype capacity);
    QString errorString() const { return m_error; }

private:
    explicit RedisSocket(int fd);

    int m_fd;
    std::unique_ptr<TlsSession> m_tls;
    QString m_error;
};

} // namespace pixelnest::engine
