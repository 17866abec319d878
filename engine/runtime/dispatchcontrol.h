#pragma once

#include "runtime/enginecontext.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace pixelnest::engine
{

// What operators tell engines through Redis (`pixelnest pause|resume|drain`), applied to this
// engine: its own instruction (`control:<engine>`: "pause", "drain" or none) and the paused
// pipelines ("*": all). Called with each heartbeat, so an engine follows within one interval.
void applyControl(EngineContext& context, const QByteArray& instruction,
                  const QList<QByteArray>& pausedPipelines);

// running | paused | draining | stuck, as heartbeats and `pixelnest workers` report it.
QString engineState(const EngineContext& context);

} // namespace pixelnest::engine
