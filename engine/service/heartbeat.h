#pragma once

#include "pixelnest/jobs.h"

#include <QByteArray>
#include <QJsonObject>

namespace pixelnest::engine
{

// Heartbeat JSON <-> WorkerInfo. `beat_ms` is the sender's clock at the beat.
QByteArray heartbeatJson(const QJsonObject& fields);
WorkerInfo workerFromHeartbeat(const QByteArray& json, qint64 nowMs);

} // namespace pixelnest::engine
