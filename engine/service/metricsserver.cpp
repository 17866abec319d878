#include "pixelnest/metricsserver.h"

#include "pixelnest/engine.h"
#include "pixelnest/enginemetrics.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>

namespace pixelnest
{

MetricsServer::MetricsServer(Engine& engine, QObject* parent)
    : QObject(parent), m_engine(engine), m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/metrics"), [this](const QHttpServerRequest& request) {
        if (!authorised(request)) {
            QHttpServerResponse refused(QByteArrayLiteral("text/plain"),
                                        QByteArrayLiteral("bearer token required\n"),
                                        QHttpServerResponder::StatusCode::Unauthorized);
            refused.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                              QByteArrayLiteral("Bearer realm=\"pixelnest\""));
            return refused;
        }
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   m_engine.metrics().prometheusText());
    });
    m_server->route(QStringLiteral("/healthz"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
    });
    m_server->route(QStringLiteral("/readyz"), [this] {
        // Short, fixed reasons: no paths, hosts or server messages to whoever can reach the
        // port (the log has the details). The first line is the verdict; one line per pipeline
        // follows, so an operator sees which pipelines this engine can serve now.
        const Result<void> ready = m_engine.readiness();
        QByteArray body = ready ? QByteArrayLiteral("ready\n")
                                : "not ready: " + shortReason(ready.error()) + '\n';
        for (const Engine::PipelineReadiness& pipeline : m_engine.pipelineReadiness()) {
            body +=
                "pipeline " + pipeline.pipeline.toUtf8() + ": " +
                (!pipeline.ready            ? "not ready: " + shortReason(pipeline.ready.error())
                 : pipeline.loadsOnFirstJob ? QByteArrayLiteral("ready, models load on first job")
                                            : QByteArrayLiteral("ready")) +
                '\n';
        }
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), body,
                                   ready ? QHttpServerResponder::StatusCode::Ok
                                         : QHttpServerResponder::StatusCode::ServiceUnavailable);
    });
}

MetricsServer::~MetricsServer() = default;

QByteArray MetricsServer::shortReason(const Error& error)
{
    switch (error.service) {
    case Service::PostgreSQL:
        return "postgresql unreachable";
    case Service::Redis:
        return "redis unreachable";
    case Service::Model:
        return "models not loaded";
    default:
        return "a worker is stuck";
    }
}

void MetricsServer::setToken(const QByteArray& token)
{
    m_token = token;
}

bool MetricsServer::authorised(const QHttpServerRequest& request) const
{
    if (m_token.isEmpty()) {
        return true;
    }
    const QByteArray expected = "Bearer " + m_token;
    const QByteArray given = request.value(QByteArrayLiteral("Authorization"));
    // Constant time: the comparison must not tell how many leading bytes were right.
    unsigned char differ = given.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        differ |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : char(0)));
    }
    return differ == 0;
}

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
