#include "cli/enginehost.h"

#include "cli/exitcodes.h"
#include "cli/session.h"
#include "pixelnest/inferenceoptions.h"
#include "pixelnest/logging.h"

#include <QTimer>

namespace pixelnest::cli
{

EngineHost::EngineHost(CommandLine line, EngineOptions options, QObject* parent)
    : QObject(parent), m_line(std::move(line)), m_options(std::move(options))
{
}

EngineHost::~EngineHost() = default;

void EngineHost::start()
{
    QTimer::singleShot(0, this, &EngineHost::tryStart);
}

void EngineHost::stop()
{
    m_stopping = true;
    if (m_engine) {
        m_engine->requestStop(); // `finished` ends the event loop once drained
    } else {
        Q_EMIT done(kExitOk);
    }
}

void EngineHost::tryStart()
{
    if (m_stopping) {
        return;
    }
    const Result<ConnectionConfig> config = prepareConnections(m_line);
    if (!config && config.error().code == ErrorCode::Unavailable) {
        if (m_retryMs == 0) {
            qCWarning(lcRuntime).noquote() << "waiting for the servers:" << config.error().message;
        }
        m_retryMs = qBound(500, m_retryMs * 2, 5000);
        QTimer::singleShot(m_retryMs, this, &EngineHost::tryStart);
        return;
    }
    if (!config) {
        Q_EMIT done(reportError(m_line, config.error()));
        return;
    }
    if (const int failed = startEngine(config.value()); failed != kExitOk) {
        Q_EMIT done(failed);
    }
}

int EngineHost::startEngine(const ConnectionConfig& config)
{
    InferenceOptions inference;
    inference.modelsDir = m_options.modelsDir;
    inference.device = m_options.device;
    inference.maxBatchDelayUs = m_options.maxBatchDelayMs * 1000;
    Result<PipelineRegistry> pipelines = PipelineRegistry::standard(m_options.limits, inference);
    if (!pipelines) {
        return reportError(m_line, pipelines.error());
    }
    m_engine = std::make_unique<Engine>(config, m_options, std::move(pipelines).value());
    connect(m_engine.get(), &Engine::finished, this, [this] { Q_EMIT done(kExitOk); });
    if (m_line.isSet(QStringLiteral("metrics-listen"))) {
        m_metrics = std::make_unique<MetricsServer>(*m_engine);
        const Result<quint16> port =
            m_metrics->listen(m_line.value(QStringLiteral("metrics-listen")));
        if (!port) {
            return reportError(m_line, port.error());
        }
        qCInfo(lcRuntime) << "metrics on port" << port.value();
    }
    if (Result<void> started = m_engine->start(); !started) {
        return reportError(m_line, started.error());
    }
    return kExitOk;
}

} // namespace pixelnest::cli
