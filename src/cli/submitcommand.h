#pragma once

#include "cli/commandline.h"

namespace pixelnest::cli
{

// `pixelnest submit [--priority N] [--title T] [--pipeline P] [--json] PATH...`: files, and
// folders searched recursively. Rejected inputs are named on stderr (exit 4); the rest go in.
int runSubmitCommand(const CommandLine& line);

} // namespace pixelnest::cli
