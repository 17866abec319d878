#pragma once

#include "cli/commandline.h"

namespace pixelnest::cli
{

// `pixelnest --engine-only [options]`: the headless engine. Needs a QCoreApplication. Waits for
// unreachable servers instead of exiting; SIGTERM/SIGINT drain it and it exits 0.
int runEngineCommand(const CommandLine& line);

} // namespace pixelnest::cli
