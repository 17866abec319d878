#pragma once

#include "cli/commandline.h"
#include "pixelnest/engine.h"
#include "pixelnest/metricsserver.h"

#include <QObject>

#include <memory>

namespace pixelnest::cli
{

// Owns the engine of `--engine-only` on the main thread, which also handles SIGTERM: the slow
// start (local stack, schema, loading the models) runs on a pool thread, retried with backoff
// while a server is unreachable, so that a stop request is answered at once at any moment. Then
// it starts the engine and the metrics endpoint, and exits the event loop when the engine has
// drained.
class EngineHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineHost)

public:
    EngineHost(CommandLine line, EngineConfig config, QObject* parent = nullptr);
    ~EngineHost() override;

    void start();
    void stop();

Q_SIGNALS:
    void done(int exitCode);

private:
    struct Prepared;
    void tryStart();
    void prepared(const Result<std::shared_ptr<Prepared>>& outcome);
    int startEngine(const ConnectionConfig& connections, PipelineRegistry pipelines);

    CommandLine m_line;
    EngineConfig m_config;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MetricsServer> m_metrics;
    int m_retryMs = 0;
    bool m_stopping = false;
};

} // namespace pixelnest::cli
