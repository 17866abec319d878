#pragma once

#include "pixelnest/engineconfig.h"
#include "pixelnest/jobs.h"
#include "pixelnest/pipelines.h"

#include <QStringList>

#include <QByteArray>
#include <QJsonObject>

namespace pixelnest::engine
{

// How long a heartbeat key lives: three beats, at least 5 s. An engine whose key is gone is dead.
inline int heartbeatTtlMs(int intervalMs)
{
    return qMax(5000, 3 * intervalMs);
}

// Heartbeat JSON <-> WorkerInfo. `beat_ms` is the sender's clock at the beat. `ttlLeftMs` is
// the key's PTTL in Redis: staleness is judged from it (ttl_ms - PTTL), never by comparing the
// clocks of two hosts; -2 (the key is gone) makes a dead engine.
QByteArray heartbeatJson(const QJsonObject& fields);
WorkerInfo workerFromHeartbeat(const QByteArray& json, qint64 ttlLeftMs, qint64 nowMs);

// The settings engines sharing a namespace must agree on, and their fingerprint.
QJsonObject sharedSettings(const EngineConfig& config, const PipelineRegistry& pipelines);
QString settingsFingerprint(const QJsonObject& settings);

} // namespace pixelnest::engine
