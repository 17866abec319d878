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

// Where a database's schema stands against this build. Versions are the migrations' numbers.
struct SchemaStatus
{
    int current = 0;     // the newest migration applied (0: none)
    int needed = 0;      // the newest this build has
    QStringList pending; // this build's migrations not applied yet, in order
    QStringList unknown; // applied migrations this build does not know (a newer build's)
};

// Reads schema_migrations only: any login that may read it can ask.
Result<SchemaStatus> readSchemaStatus(const QString& conninfo);

// Every process but `pixelnest migrate` and the local stack calls this at start instead of
// running DDL: ok when the schema is exactly this build's, else ErrorCode::SchemaMismatch with
// "schema is at N, this build needs M: run `pixelnest migrate`" (or "... newer than this
// build: upgrade pixelnest").
Result<void> checkSchema(const QString& conninfo);

// The SQL of `status.pending`, what `pixelnest migrate` would run, each migration under a
// "-- <name>" line.
Result<QString> pendingMigrationSql(const SchemaStatus& status);

// Applies the migrations not yet recorded in schema_migrations, each in its own transaction,
// under an advisory lock so that processes starting at once apply each exactly once.
// Returns how many this call applied. Where `pixelnest roles init` has run, re-applies the
// role grants so that new tables get theirs.
Result<int> applyMigrations(const QString& conninfo);

} // namespace pixelnest
