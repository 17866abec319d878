#pragma once

#include "cli/commandline.h"
#include "pixelnest/engine.h"
#include "pixelnest/metricsserver.h"

#include <QObject>

#include <memory>

namespace pixelnest::cli
{

// Owns the engine of `--engine-only` on the main thread: waits (with backoff) until the servers
// can be prepared, then starts the engine and the metrics endpoint, and exits the event loop
// when the engine has drained.
class EngineHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineHost)

public:
    EngineHost(CommandLine line, EngineOptions options, QObject* parent = nullptr);
    ~EngineHost() override;

    void start();
    void stop();

Q_SIGNALS:
    void done(int exitCode);

private:
    void tryStart();
    int startEngine(const ConnectionConfig& config);

    CommandLine m_line;
    EngineOptions m_options;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MetricsServer> m_metrics;
    int m_retryMs = 0;
    bool m_stopping = false;
};

} // namespace pixelnest::cli
