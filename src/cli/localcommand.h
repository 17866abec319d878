#pragma once

#include "cli/commandline.h"

namespace pixelnest::cli
{

// `pixelnest local up|down|status|env [--dir DIR]`.
int runLocalCommand(const CommandLine& line);

} // namespace pixelnest::cli
