#pragma once

#include "pixelnest/result.h"

#include <QObject>

#include <memory>

class QHttpServer;
class QHttpServerRequest;

namespace pixelnest
{

class Engine;

// `--metrics-listen HOST:PORT`: Prometheus text at /metrics, /healthz (the process answers),
// /readyz (PostgreSQL, Redis and models ready; 503 with the reason otherwise). Runs on the
// thread that owns it (the engine-only main thread); a scrape only reads counters.
class MetricsServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsServer)

public:
    explicit MetricsServer(Engine& engine, QObject* parent = nullptr);
    ~MetricsServer() override;

    // Returns the bound port (useful with port 0).
    Result<quint16> listen(const QString& hostAndPort);
    // When set, /metrics answers only "Authorization: Bearer <token>" (401 otherwise);
    // /healthz and /readyz stay open for probes and reveal nothing but a short reason.
    void setToken(const QByteArray& token);

    // "postgresql unreachable", "redis unreachable", "models not loaded", "a worker is stuck".
    static QByteArray shortReason(const Error& error);

private:
    bool authorised(const QHttpServerRequest& request) const;

    Engine& m_engine;
    std::unique_ptr<QHttpServer> m_server;
    QByteArray m_token;
};

} // namespace pixelnest
