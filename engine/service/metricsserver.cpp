#include "pixelnest/metricsserver.h"

#include "pixelnest/engine.h"
#include "pixelnest/enginemetrics.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>

namespace pixelnest
{

MetricsServer::MetricsServer(Engine& engine, QObject* parent)
    : QObject(parent), m_engine(engine), m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/metrics"), [this] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   m_engine.metrics().prometheusText());
    });
    m_server->route(QStringLiteral("/healthz"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
    });
    m_server->route(QStringLiteral("/readyz"), [this] {
        const Result<void> ready = m_engine.readiness();
        if (ready) {
            return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                       QByteArrayLiteral("ready\n"));
        }
        return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                                   ready.error().message.toUtf8() + '\n',
                                   QHttpServerResponder::StatusCode::ServiceUnavailable);
    });
}

MetricsServer::~MetricsServer() = default;

Result<quint16> MetricsServer::listen(const QString& hostAndPort)
{
    const qsizetype colon = hostAndPort.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? hostAndPort.mid(colon + 1).toInt(&ok) : -1;
    QString host = colon > 0 ? hostAndPort.left(colon) : QString();
    host.remove(QLatin1Char('[')).remove(QLatin1Char(']')); // [::1]:9464
    const QHostAddress address(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1")
                                                                  : host);
    if (!ok || port < 0 || port > 65535 || address.isNull()) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--metrics-listen needs HOST:PORT such as "
                                        "127.0.0.1:9464, not '%1'")
                             .arg(hostAndPort));
    }
    const quint16 bound = m_server->listen(address, quint16(port));
    if (bound == 0) {
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("cannot listen on %1 (in use?)").arg(hostAndPort));
    }
    return bound;
}

} // namespace pixelnest
