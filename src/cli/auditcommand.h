#pragma once

#include "cli/commandline.h"

namespace pixelnest::cli
{

// `pixelnest audit [--since T] [--login L] [--limit N] [--json]`: who changed what, newest
// first.
int runAuditCommand(const CommandLine& line);

} // namespace pixelnest::cli
