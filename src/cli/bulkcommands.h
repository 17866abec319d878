#pragma once

#include "cli/commandline.h"

namespace pixelnest::cli
{

// `pixelnest priority N ID...`
int runPriorityCommand(const CommandLine& line);
// `pixelnest reprocess ID... | --failed`
int runReprocessCommand(const CommandLine& line);
// `pixelnest cancel ID...`
int runCancelCommand(const CommandLine& line);
// `pixelnest retry ID...`: jobs waiting out a retry's backoff run now.
int runRetryCommand(const CommandLine& line);

} // namespace pixelnest::cli
