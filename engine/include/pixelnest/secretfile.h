#pragma once

#include "pixelnest/result.h"

#include <QString>

namespace pixelnest
{

// Whether group or others may read `path`: a secret must be readable by its owner only.
bool readableByOthers(const QString& path);

// The first line of a file holding one secret (a Redis password, the metrics bearer token),
// trimmed. Refused, with the chmod that fixes it, when others may read the file; an empty or
// unreadable file is an error too. `what` names it in messages ("the Redis password file").
Result<QString> readSecretFile(const QString& path, const QString& what);

// The error for a file holding a secret that others may read.
Error secretTooOpen(const QString& path, const QString& what);

} // namespace pixelnest
