#pragma once

#include "pixelnest/connectionconfig.h"
#include "pixelnest/result.h"

namespace pixelnest
{

// Gets the servers a process will use ready, the same way for every CLI command,
// `--engine-only` and the console: starts the local stack in `localStackDir` (empty: the
// default) when either connection comes from it and migrates it; elsewhere checks that the
// schema is this build's (ErrorCode::SchemaMismatch: run `pixelnest migrate`); and checks that the
// Redis namespace `ns` belongs to this database (the first user binds it; a process pointed at
// another database is refused with both named). Blocks for seconds (starting PostgreSQL): never on
// the GUI thread.
Result<void> prepareServers(const ConnectionConfig& config, const QString& ns,
                            const QString& localStackDir = {});

} // namespace pixelnest
