#include "cli/enginehost.h"

#include "cli/exitcodes.h"
#include "cli/session.h"
#include "pixelnest/background.h"
#include "pixelnest/logging.h"
#include "pixelnest/secretfile.h"

#include <QTimer>

namespace pixelnest::cli
{

struct EngineHost::Prepared
{
    ConnectionConfig connections;
    PipelineRegistry pipelines;
};

EngineHost::EngineHost(CommandLine line, EngineConfig config, QObject* parent)
    : QObject(parent), m_line(std::move(line)), m_config(std::move(config))
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
        // Still preparing: nothing is claimed yet, so there is nothing to drain. The pool
        // thread's answer is dropped when it comes.
        Q_EMIT done(kExitOk);
    }
}

void EngineHost::tryStart()
{
    if (m_stopping) {
        return;
    }
    using Outcome = Result<std::shared_ptr<Prepared>>;
    const CommandLine line = m_line;
    const EngineConfig config = m_config;
    runInBackground<Outcome>([line, config]() -> Outcome {
        Result<ConnectionConfig> connections = prepareConnections(line, config.service.ns);
        if (!connections) {
            return connections.error();
        }
        Result<PipelineRegistry> pipelines = PipelineRegistry::standard(config);
        if (!pipelines) {
            return pipelines.error();
        }
        return std::make_shared<Prepared>(
            Prepared{std::move(connections).value(), std::move(pipelines).value()});
    }).then(this, [this](const Outcome& outcome) { prepared(outcome); });
}

void EngineHost::prepared(const Result<std::shared_ptr<Prepared>>& outcome)
{
    if (m_stopping) {
        return;
    }
    if (!outcome && isRetryable(outcome.error()) && outcome.error().service != Service::Model) {
        if (m_retryMs == 0) {
            qCWarning(lcRuntime).noquote() << "waiting for the servers:" << outcome.error().message;
        }
        m_retryMs = qBound(500, m_retryMs * 2, 5000);
        QTimer::singleShot(m_retryMs, this, &EngineHost::tryStart);
        return;
    }
    if (!outcome) {
        Q_EMIT done(reportError(m_line, outcome.error()));
        return;
    }
    const int started = startEngine(outcome.value()->connections, outcome.value()->pipelines);
    if (started != kExitOk) {
        Q_EMIT done(started);
    }
}

int EngineHost::startEngine(const ConnectionConfig& connections, PipelineRegistry pipelines)
{
    m_engine = std::make_unique<Engine>(connections, m_config, std::move(pipelines));
    connect(m_engine.get(), &Engine::finished, this, [this] { Q_EMIT done(kExitOk); });
    if (!m_config.service.metricsListen.isEmpty()) {
        m_metrics = std::make_unique<MetricsServer>(*m_engine);
        if (const QString tokenFile = m_config.service.metricsTokenFile; !tokenFile.isEmpty()) {
            const Result<QString> token =
                readSecretFile(tokenFile, QStringLiteral("the metrics token file"));
            if (!token) {
                return reportError(m_line, token.error());
            }
            m_metrics->setToken(token->toUtf8());
        }
        const Result<quint16> port = m_metrics->listen(m_config.service.metricsListen);
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
