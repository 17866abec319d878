#pragma once

#include "cli/commandline.h"

namespace pixelnest::cli
{

// `pixelnest jobs [--status S] [--limit N] [--json]`
int runJobsCommand(const CommandLine& line);
// `pixelnest show ID [--json] [--export-anonymised FILE]`
int runShowCommand(const CommandLine& line);
// `pixelnest stats [--json] [--watch]`
int runStatsCommand(const CommandLine& line);

} // namespace pixelnest::cli
