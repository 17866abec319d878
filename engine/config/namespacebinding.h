#pragma once

#include "pixelnest/connectionconfig.h"
#include "pixelnest/result.h"

namespace pixelnest::engine
{

// The same settings everywhere: a Redis namespace dispatches the ids of exactly one PostgreSQL
// database. The first process to use the namespace binds it (`{ns}:database` = that database's
// identity and name, SET NX); any later one pointed at another database is refused with both
// named. Redis down is an Unavailable error like any other.
Result<void> checkNamespaceBinding(const ConnectionConfig& config, const QString& ns);

} // namespace pixelnest::engine
