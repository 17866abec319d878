#pragma once

#include "cli/commandline.h"

namespace pixelnest::cli
{

// `pixelnest migrate [--dry-run]`: the only command that runs DDL (as the schema's owner).
int runMigrateCommand(const CommandLine& line);

// `pixelnest roles init` and `pixelnest roles grant LOGIN ROLE`.
int runRolesCommand(const CommandLine& line);

} // namespace pixelnest::cli
