#include "queue/redissocket.h"

#include "queue/tlssession.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace pixelnest::engine
{

namespace
{

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

timeval toTimeval(int ms)
{
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

// A non-blocking connect bounded by `timeoutMs`, then back to blocking (reads and writes are
// bounded by socket timeouts instead). Returns 0, or the errno that explains the failure.
int connectWithin(int fd, const sockaddr* address, socklen_t length, int timeoutMs)
{
    const int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    if (::connect(fd, address, length) != 0) {
        if (errno != EINPROGRESS && errno != EAGAIN) {
            return errno;
        }
        pollfd waiting{fd, POLLOUT, 0};
        int ready = 0;
        do {
            ready = ::poll(&waiting, 1, timeoutMs);
        } while (ready < 0 && errno == EINTR);
        if (ready == 0) {
            return ETIMEDOUT;
        }
        int result = 0;
        socklen_t size = sizeof result;
        if (ready < 0 || ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &result, &size) != 0) {
            return errno;
        }
        if (result != 0) {
            return result;
        }
    }
    ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return 0;
}

int connectTcp(const QString& host, int port, int timeoutMs, QString* error)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* addresses = nullptr;
    const int resolved = ::getaddrinfo(host.toUtf8().constData(),
                                       QByteArray::number(port).constData(), &hints, &addresses);
    if (resolved != 0) {
        *error = QStringLiteral("cannot resolve %1: %2")
                     .arg(host, QString::fromLocal8Bit(::gai_strerror(resolved)));
        return -1;
    }
    int lastError = ECONNREFUSED;
    int fd = -1;
    for (const addrinfo* address = addresses; address != nullptr && fd < 0;
         address = address->ai_next) {
        fd =
            ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol);
        if (fd < 0) {
            lastError = errno;
            continue;
        }
        lastError = connectWithin(fd, address->ai_addr, address->ai_addrlen, timeoutMs);
        if (lastError != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ::freeaddrinfo(addresses);
    if (fd < 0) {
        *error = systemError(lastError);
        return -1;
    }
    // Commands are small and answered one round trip at a time: never wait for Nagle.
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

int connectUnix(const QString& path, int timeoutMs, QString* error)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    if (encoded.size() >= qsizetype(sizeof address.sun_path)) {
        *error = QStringLiteral("the socket path is longer than %1 bytes")
                     .arg(sizeof address.sun_path - 1);
        return -1;
    }
    std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = systemError(errno);
        return -1;
    }
    const int failed =
        connectWithin(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address, timeoutMs);
    if (failed != 0) {
        ::close(fd);
        *error = systemError(failed);
        return -1;
    }
    return fd;
}

} // namespace

RedisSocket::RedisSocket(int fd) : m_fd(fd) {}

RedisSocket::~RedisSocket()
{
    m_tls.reset();
    ::close(m_fd);
}

std::unique_ptr<RedisSocket> RedisSocket::open(const RedisUrl& url, int connectTimeoutMs,
                                               QString* error)
{
    const int fd = url.socketPath.isEmpty()
                       ? connectTcp(url.host, url.port, connectTimeoutMs, error)
                       : connectUnix(url.socketPath, connectTimeoutMs, error);
    if (fd < 0) {
        return nullptr;
    }
    std::unique_ptr<RedisSocket> socket(new RedisSocket(fd));
    socket->setTimeoutMs(connectTimeoutMs);
    if (url.tls.enabled) {
        socket->m_tls = TlsSession::handshake(fd, url.host, url.tls, error);
        if (!socket->m_tls) {
            return nullptr;
        }
    }
    return socket;
}

void RedisSocket::setTimeoutMs(int timeoutMs)
{
    const timeval timeout = toTimeval(timeoutMs);
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
}

bool RedisSocket::writeAll(const QByteArray& bytes)
{
    const char* data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        qsizetype written = 0;
        if (m_tls) {
            written = m_tls->write(data, left, &m_error);
        } else {
            // MSG_NOSIGNAL: a server that closed the socket is an error return, not SIGPIPE.
            written = ::send(m_fd, data, size_t(left), MSG_NOSIGNAL);
            if (written < 0 && errno == EINTR) {
                continue;
            }
            if (written < 0) {
                m_error = errno == EAGAIN ? QStringLiteral("timed out") : systemError(errno);
            }
        }
        if (written < 0) {
            return false;
        }
        data += written;
        left -= written;
    }
    return true;
}

qsizetype RedisSocket::read(char* buffer, qsizetype capacity)
{
    if (m_tls) {
        return m_tls->read(buffer, capacity, &m_error);
    }
    for (;;) {
        const ssize_t received = ::recv(m_fd, buffer, size_t(capacity), 0);
        if (received > 0) {
            return received;
        }
        if (received == 0) {
            m_error = QStringLiteral("the server closed the connection");
            return -1;
        }
        if (errno != EINTR) {
            m_error = errno == EAGAIN ? QStringLiteral("timed out") : systemError(errno);
            return -1;
        }
    }
}

} // namespace pixelnest::engine
