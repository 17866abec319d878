#pragma once

#include "cli/commandline.h"

namespace pixelnest::cli
{

// `pixelnest purge --older-than DURATION [--status S,...] [--dry-run]`: deletes finished jobs,
// their bytes and attempts, in pages.
int runPurgeCommand(const CommandLine& line);
// `pixelnest retention [DURATION [--status S,...] | off]`: shows or sets the automatic
// retention the engines apply.
int runRetentionCommand(const CommandLine& line);

} // namespace pixelnest::cli
