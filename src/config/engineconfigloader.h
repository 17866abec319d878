#pragma once

#include "cli/commandline.h"
#include "pixelnest/engineconfig.h"
#include "pixelnest/result.h"

#include <QProcessEnvironment>

namespace pixelnest::cli
{

// The one place that turns options into an EngineConfig, for `--engine-only`, the console's
// in-process engine and the admin commands alike. Each setting is read with the precedence
// flag (--max-attempts) > environment (PIXELNEST_MAX_ATTEMPTS) > config file ([engine]
// max-attempts=) > built-in default, converted to its unit once, and range-checked here. Every
// bad value is named, one line each, in a single InvalidInput error.
Result<EngineConfig>
loadEngineConfig(const CommandLine& line,
                 const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

// $PIXELNEST_MODELS's fallback: models/ beside the build tree, else /usr/share/pixelnest/models.
QString defaultModelsDir();

// A quarter of this machine's memory, at most 768 MiB (/proc/meminfo).
qint64 defaultMemoryBudgetBytes();

// 127.0.0.1:9464, [::1]:9464, localhost:9464: only this machine can connect.
bool isLoopback(const QString& hostAndPort);

} // namespace pixelnest::cli
