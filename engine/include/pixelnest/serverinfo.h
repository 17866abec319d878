#pragma once

#include "pixelnest/result.h"

#include <QString>

namespace pixelnest
{

// The libtorch version this binary was built against, without exposing torch's headers.
QString torchVersion();

// Each call opens its own short-lived connection (a 5-second connect timeout) and asks the
// server: `SHOW server_version` and `INFO server`. They double as the console's "Test
// connection": an error says what failed (unreachable, authentication, no such database).
Result<QString> postgresServerVersion(const QString& conninfo);
Result<QString> redisServerVersion(const QString& redisUrl);

} // namespace pixelnest
