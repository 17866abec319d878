#include "service/heartbeat.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace pixelnest::engine
{

QByteArray heartbeatJson(const QJsonObject& fields)
{
    QJsonObject beat = fields;
    beat.insert(QStringLiteral("beat_ms"), QDateTime::currentMSecsSinceEpoch());
    return QJsonDocument(beat).toJson(QJsonDocument::Compact);
}

QJsonObject sharedSettings(const EngineConfig& config, const PipelineRegistry& registry)
{
    const RuntimeConfig& runtime = config.runtime;
    const QStringList pipelines = registry.names();
    QJsonObject timeouts;
    QJsonObject versions; // stage -> version, for the stages whose results depend on one
    for (const QString& pipeline : pipelines) {
        timeouts.insert(pipeline, qint64(runtime.timeoutFor(pipeline).count()));
        for (const StagePtr& stage : registry.find(pipeline)->stages) {
            if (const QString version = stage->version(); !version.isEmpty()) {
                versions.insert(stage->name(), version);
            }
        }
    }
    return {{QStringLiteral("max_attempts"), runtime.maxAttempts},
            {QStringLiteral("lease_ms"), runtime.leaseMs()},
            {QStringLiteral("max_bytes"), config.limits.maxBytes},
            {QStringLiteral("max_pixels"), config.limits.maxPixels},
            {QStringLiteral("job_timeout_ms"), timeouts},
            {QStringLiteral("pipelines"), QJsonArray::fromStringList(pipelines)},
            {QStringLiteral("model_versions"), versions}};
}

QString settingsFingerprint(const QJsonObject& settings)
{
    // QJsonDocument writes keys sorted: equal settings give equal bytes.
    const QByteArray canonical = QJsonDocument(settings).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(12));
}

WorkerInfo workerFromHeartbeat(const QByteArray& json, qint64 ttlLeftMs, qint64 nowMs)
{
    const QJsonObject beat = QJsonDocument::fromJson(json).object();
    WorkerInfo worker;
    worker.id = beat.value(QStringLiteral("id")).toString();
    worker.host = beat.value(QStringLiteral("host")).toString();
    worker.pid = beat.value(QStringLiteral("pid")).toInteger();
    worker.device = beat.value(QStringLiteral("device")).toString();
    worker.inFlight = beat.value(QStringLiteral("in_flight")).toInt();
    worker.processed = beat.value(QStringLiteral("processed")).toInteger();
    worker.failed = beat.value(QStringLiteral("failed")).toInteger();
    const qint64 ttlMs = beat.value(QStringLiteral("ttl_ms")).toInteger();
    worker.alive = ttlLeftMs > 0;
    if (worker.alive && ttlMs > 0) {
        worker.lastSeenMsAgo = qMax<qint64>(0, ttlMs - ttlLeftMs);
    } else {
        // Gone (or from an engine before ttl_ms): only its own clock says how long ago.
        worker.lastSeenMsAgo =
            qMax<qint64>(0, nowMs - beat.value(QStringLiteral("beat_ms")).toInteger());
    }
    worker.state =
        worker.alive ? beat.value(QStringLiteral("state")).toString() : QStringLiteral("gone");
    for (const QJsonValue& pipeline : beat.value(QStringLiteral("pipelines")).toArray()) {
        worker.pipelines.append(pipeline.toString());
    }
    worker.settingsFingerprint = beat.value(QStringLiteral("settings_fingerprint")).toString();
    worker.raw = beat;
    return worker;
}

} // namespace pixelnest::engine
