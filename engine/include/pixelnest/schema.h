#pragma once

#include "pixelnest/result.h"

#include <QString>
#include <QStringList>

namespace pixelnest
{

// The channel the images triggers NOTIFY on; the payload is a comma-separated list of ids.
inline const QString kImagesChannel = QStringLiteral("pixelnest_images");

// The versioned migrations built into this binary, in order ("0001_initial", ...).
QStringList availableMigrations();

// Applies the migrations not yet recorded in schema_migrations, each in its own transaction,
// under an advisory lock so that processes starting at once apply each exactly once.
// Returns how many this call applied.
Result<int> applyMigrations(const QString& conninfo);

} // namespace pixelnest
