#pragma once

#include "pixelnest/engineconfig.h"
#include "pixelnest/jobs.h"
#include "pixelnest/pipelines.h"

#include <QStringList>

#include <QByteArray>
#include <QJsonObject>

namespace pixelnest::engine
{

// Heartbeat JSON <-> WorkerInfo. `beat_ms` is the sender's clock at the beat.
QByteArray heartbeatJson(const QJsonObject& fields);
WorkerInfo workerFromHeartbeat(const QByteArray& json, qint64 nowMs);

// The settings engines sharing a namespace must agree on, and their fingerprint.
QJsonObject sharedSettings(const EngineConfig& config, const PipelineRegistry& pipelines);
QString settingsFingerprint(const QJsonObject& settings);

} // namespace pixelnest::engine
