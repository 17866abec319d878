#pragma once

#include "queue/redisurl.h"

#include <QString>

#include <memory>

namespace pixelnest::engine
{

// One client TLS session (OpenSSL) over a connected, blocking socket: the server's certificate
// checked against the CA file (or the system's store) and the host name or IP address it was
// reached by; an optional client certificate and key. Errors are sentences for an operator.
class TlsSession final
{
public:
    ~TlsSession();
    TlsSession(const TlsSession&) = delete;
    TlsSession& operator=(const TlsSession&) = delete;

    // The handshake on `fd`; nullptr with `error` set when it fails.
    static std::unique_ptr<TlsSession> handshake(int fd, const QString& host, const RedisTls& tls,
                                                 QString* error);

    // As read(2)/write(2): bytes moved, or -1 with `error` set.
    qsizetype read(char* buffer, qsizetype capacity, QString* error);
    qsizetype write(const char* data, qsizetype size, QString* error);

private:
    struct Handles;
    // read/write's failure in words, with the client-certificate hint while nothing was read.
    QString failureOnTheWire(int status) const;
    explicit TlsSession(std::unique_ptr<Handles> handles);

    std::unique_ptr<Handles> m_handles;
};

} // namespace pixelnest::engine
