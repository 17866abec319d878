#pragma once

#include "pixelnest/result.h"

#include <QObject>

#include <memory>

class QHttpServer;

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

private:
    Engine& m_engine;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace pixelnest
