#include "service/heartbeat.h"

#include <QDateTime>
#include <QJsonDocument>

namespace pixelnest::engine
{

QByteArray heartbeatJson(const QJsonObject& fields)
{
    QJsonObject beat = fields;
    beat.insert(QStringLiteral("beat_ms"), QDateTime::currentMSecsSinceEpoch());
    return QJsonDocument(beat).toJson(QJsonDocument::Compact);
}

WorkerInfo workerFromHeartbeat(const QByteArray& json, qint64 nowMs)
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
    worker.lastSeenMsAgo =
        qMax<qint64>(0, nowMs - beat.value(QStringLiteral("beat_ms")).toInteger());
    worker.raw = beat;
    return worker;
}

} // namespace pixelnest::engine
