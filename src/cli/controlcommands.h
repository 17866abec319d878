#pragma once

#include "cli/commandline.h"

namespace pixelnest::cli
{

// `pixelnest workers [--json]`: one row per live engine, from its heartbeat.
int runWorkersCommand(const CommandLine& line);
// `pixelnest pause|resume [--pipeline P | --worker W]`: dispatch control through Redis, audited.
int runPauseCommand(const CommandLine& line);
int runResumeCommand(const CommandLine& line);
// `pixelnest drain WORKER`: that engine finishes its jobs and stops.
int runDrainCommand(const CommandLine& line);
// `pixelnest limit PIPELINE N/s|off`: a rate limit shared by all engines.
int runLimitCommand(const CommandLine& line);

} // namespace pixelnest::cli
