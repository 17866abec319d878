#include "queue/tlssession.h"

#include <QFile>
#include <QHostAddress>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>

namespace pixelnest::engine
{

struct TlsSession::Handles
{
    SSL_CTX* context = nullptr;
    SSL* ssl = nullptr;
    bool presentsCertificate = false; // a client certificate was configured
    bool hasRead = false;             // the server has sent application data

    ~Handles()
    {
        // No SSL_shutdown: the peer may be gone, and a close_notify to a dead socket could
        // block for the write timeout. The socket's owner closes the descriptor.
        SSL_free(ssl);
        SSL_CTX_free(context);
    }
};

namespace
{

// The last OpenSSL error queued on this thread, as its reason ("certificate verify failed"),
// and the queue emptied so the next call starts clean.
QString takeOpenSslError()
{
    unsigned long last = 0;
    while (const unsigned long code = ERR_get_error()) {
        last = code;
    }
    if (last == 0) {
        return {};
    }
    if (const char* reason = ERR_reason_error_string(last)) {
        return QString::fromUtf8(reason);
    }
    char text[256];
    ERR_error_string_n(last, text, sizeof text);
    return QString::fromUtf8(text);
}

QString failure(const QString& what, const QString& reason)
{
    return reason.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, reason);
}

// The client side of the credentials: the CA that signs the server, and the optional client
// certificate and key the server may require (tls-auth-clients).
bool loadCredentials(SSL_CTX* context, const RedisTls& tls, QString* error)
{
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nullptr);
    if (tls.caFile.isEmpty()) {
        SSL_CTX_set_default_verify_paths(context);
    } else if (SSL_CTX_load_verify_locations(context, QFile::encodeName(tls.caFile).constData(),
                                             nullptr) != 1) {
        *error = failure(QStringLiteral("TLS: cannot read the CA certificate %1").arg(tls.caFile),
                         takeOpenSslError());
        return false;
    }
    if (tls.certFile.isEmpty() != tls.keyFile.isEmpty()) {
        *error = QStringLiteral("TLS: a client certificate needs its key and a key its "
                                "certificate (--redis-cert and --redis-key together)");
        return false;
    }
    if (tls.certFile.isEmpty()) {
        return true;
    }
    if (SSL_CTX_use_certificate_chain_file(context, QFile::encodeName(tls.certFile).constData()) !=
        1) {
        *error =
            failure(QStringLiteral("TLS: cannot read the client certificate %1").arg(tls.certFile),
                    takeOpenSslError());
        return false;
    }
    if (SSL_CTX_use_PrivateKey_file(context, QFile::encodeName(tls.keyFile).constData(),
                                    SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(context) != 1) {
        *error = failure(QStringLiteral("TLS: cannot use the client key %1").arg(tls.keyFile),
                         takeOpenSslError());
        return false;
    }
    return true;
}

// What the server is checked against: an IP address literal against the certificate's IP
// entries, a name against its DNS entries (and sent as SNI).
void expectHost(SSL* ssl, const QString& host)
{
    const QByteArray name = host.toUtf8();
    if (QHostAddress().setAddress(host)) {
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name.constData());
        return;
    }
    SSL_set_tlsext_host_name(ssl, name.constData());
    SSL_set1_host(ssl, name.constData());
}

QString handshakeFailure(SSL* ssl, int status, const QString& host)
{
    const long verified = SSL_get_verify_result(ssl);
    if (verified == X509_V_ERR_HOSTNAME_MISMATCH || verified == X509_V_ERR_IP_ADDRESS_MISMATCH) {
        takeOpenSslError();
        return QStringLiteral("TLS: the server's certificate is not for '%1' (host name "
                              "mismatch: connect by a name the certificate lists)")
            .arg(host);
    }
    if (verified != X509_V_OK) {
        takeOpenSslError();
        return QStringLiteral("TLS: the server's certificate is not trusted: %1 (is --redis-ca "
                              "the CA that signed it?)")
            .arg(QString::fromUtf8(X509_verify_cert_error_string(verified)));
    }
    switch (SSL_get_error(ssl, status)) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        return QStringLiteral("TLS: the handshake timed out");
    case SSL_ERROR_SYSCALL:
        if (errno != 0) {
            return QStringLiteral("TLS handshake failed: %1")
                .arg(QString::fromLocal8Bit(std::strerror(errno)));
        }
        return QStringLiteral("TLS handshake failed: the server closed the connection (is this "
                              "its TLS port?)");
    default:
        return QStringLiteral("TLS handshake failed: %1 (is this the server's TLS port?)")
            .arg(takeOpenSslError());
    }
}

// read/write's failures: the connection is unusable after any of them.
QString transferFailure(SSL* ssl, int status)
{
    switch (SSL_get_error(ssl, status)) {
    case SSL_ERROR_ZERO_RETURN:
        return QStringLiteral("the server closed the connection");
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        return QStringLiteral("timed out");
    case SSL_ERROR_SYSCALL:
        return errno != 0 ? QString::fromLocal8Bit(std::strerror(errno))
                          : QStringLiteral("the server closed the connection");
    default:
        return failure(QStringLiteral("TLS"), takeOpenSslError());
    }
}

} // namespace

TlsSession::TlsSession(std::unique_ptr<Handles> handles) : m_handles(std::move(handles)) {}

TlsSession::~TlsSession() = default;

std::unique_ptr<TlsSession> TlsSession::handshake(int fd, const QString& host, const RedisTls& tls,
                                                  QString* error)
{
    ERR_clear_error();
    auto handles = std::make_unique<Handles>();
    handles->context = SSL_CTX_new(TLS_client_method());
    if (handles->context == nullptr) {
        *error = failure(QStringLiteral("TLS: cannot start OpenSSL"), takeOpenSslError());
        return nullptr;
    }
    if (!loadCredentials(handles->context, tls, error)) {
        return nullptr;
    }
    handles->ssl = SSL_new(handles->context);
    if (handles->ssl == nullptr || SSL_set_fd(handles->ssl, fd) != 1) {
        *error = failure(QStringLiteral("TLS: cannot start a session"), takeOpenSslError());
        return nullptr;
    }
    expectHost(handles->ssl, host);
    handles->presentsCertificate = !tls.certFile.isEmpty();
    errno = 0;
    const int status = SSL_connect(handles->ssl);
    if (status != 1) {
        *error = handshakeFailure(handles->ssl, status, host);
        return nullptr;
    }
    return std::unique_ptr<TlsSession>(new TlsSession(std::move(handles)));
}

QString TlsSession::failureOnTheWire(int status) const
{
    QString error = transferFailure(m_handles->ssl, status);
    if (!m_handles->hasRead && !m_handles->presentsCertificate) {
        // In TLS 1.3 the server checks the client's certificate after the client's handshake
        // is done: a server that requires one drops the connection at the first command (the
        // write may already see the reset) or its reply.
        error += QStringLiteral(" (if the server requires a client certificate: --redis-cert "
                                "and --redis-key)");
    }
    return error;
}

qsizetype TlsSession::read(char* buffer, qsizetype capacity, QString* error)
{
    ERR_clear_error();
    errno = 0;
    const int status = SSL_read(m_handles->ssl, buffer, int(qMin<qsizetype>(capacity, 1 << 30)));
    if (status > 0) {
        m_handles->hasRead = true;
        return status;
    }
    *error = failureOnTheWire(status);
    return -1;
}

qsizetype TlsSession::write(const char* data, qsizetype size, QString* error)
{
    ERR_clear_error();
    errno = 0;
    const int status = SSL_write(m_handles->ssl, data, int(qMin<qsizetype>(size, 1 << 30)));
    if (status > 0) {
        return status;
    }
    *error = failureOnTheWire(status);
    return -1;
}

} // namespace pixelnest::engine
