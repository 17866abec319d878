#include "pixelnest/schema.h"

#include "pixelnest/logging.h"
#include "store/pgconnection.h"
#include "store/rolegrants.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <libpq-fe.h>

namespace pixelnest
{

using engine::PgConnection;
using engine::PgResult;

namespace
{

const QString kMigrationsDir = QStringLiteral(":/pixelnest/migrations");
// pg_advisory_lock key shared by every Pixelnest process ("PXNS" in ASCII).
constexpr const char* kLockSql = "SELECT pg_advisory_lock(1349013075)";
constexpr const char* kUnlockSql = "SELECT pg_advisory_unlock(1349013075)";

Result<QSet<QString>> appliedVersions(PgConnection& connection)
{
    const Result<PgResult> created = connection.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    if (!created) {
        return created.error();
    }
    const Result<PgResult> rows = connection.exec("SELECT version FROM schema_migrations");
    if (!rows) {
        return rows.error();
    }
    QSet<QString> versions;
    for (int row = 0; row < rows->rows(); ++row) {
        versions.insert(rows->text(row, 0));
    }
    return versions;
}

Result<QByteArray> migrationSql(const QString& name)
{
    QFile file(kMigrationsDir + QLatin1Char('/') + name + QStringLiteral(".sql"));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Service::PostgreSQL, ErrorCode::Internal,
                         QStringLiteral("migration %1 missing").arg(name));
    }
    return file.readAll();
}

// One migration, its bookkeeping row included, in one transaction: all of it or none.
Result<void> applyOne(PgConnection& connection, const QString& name)
{
    const Result<QByteArray> sql = migrationSql(name);
    if (!sql) {
        return sql.error();
    }
    const QByteArray script = "BEGIN;\n" + sql.value() +
                              "\nINSERT INTO schema_migrations (version) VALUES ('" +
                              name.toUtf8() + "');\nCOMMIT;";
    if (Result<void> done = connection.execScript(script); !done) {
        return makeError(Service::PostgreSQL, done.error().code,
                         QStringLiteral("migration %1 failed: %2").arg(name, done.error().message));
    }
    qCInfo(lcStore) << "applied migration" << name;
    return {};
}

// "0004_database_identity" → 4: the schema's version is its newest migration's number.
int versionOf(const QString& name)
{
    return name.section(QLatin1Char('_'), 0, 0).toInt();
}

Result<int> applyPending(PgConnection& connection)
{
    const Result<QSet<QString>> applied = appliedVersions(connection);
    if (!applied) {
        return applied.error();
    }
    int count = 0;
    for (const QString& name : availableMigrations()) {
        if (applied->contains(name)) {
            continue;
        }
        if (Result<void> done = applyOne(connection, name); !done) {
            return done.error();
        }
        ++count;
    }
    // New tables need their grants: roles.sql is idempotent, and only runs where roles exist.
    if (count > 0) {
        if (Result<bool> roles = engine::rolesInitialised(connection); !roles) {
            return roles.error();
        } else if (roles.value()) {
            if (Result<void> granted = engine::applyRoleGrants(connection); !granted) {
                return granted.error();
            }
        }
    }
    return count;
}

Result<QStringList> appliedVersionsReadOnly(PgConnection& connection)
{
    const Result<PgResult> exists =
        connection.exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
    if (!exists) {
        return exists.error();
    }
    QStringList versions;
    if (exists->text(0, 0) != QLatin1String("t")) {
        return versions;
    }
    const Result<PgResult> rows =
        connection.exec("SELECT version FROM schema_migrations ORDER BY version");
    if (!rows) {
        return rows.error();
    }
    for (int row = 0; row < rows->rows(); ++row) {
        versions.append(rows->text(row, 0));
    }
    return versions;
}

} // namespace

Result<SchemaStatus> readSchemaStatus(const QString& conninfo)
{
    PgConnection connection;
    if (Result<void> opened = connection.open(conninfo); !opened) {
        return opened.error();
    }
    const Result<QStringList> applied = appliedVersionsReadOnly(connection);
    if (!applied) {
        return applied.error();
    }
    SchemaStatus status;
    const QStringList available = availableMigrations();
    status.needed = available.isEmpty() ? 0 : versionOf(available.last());
    for (const QString& name : applied.value()) {
        status.current = std::max(status.current, versionOf(name));
        if (!available.contains(name)) {
            status.unknown.append(name);
        }
    }
    for (const QString& name : available) {
        if (!applied->contains(name)) {
            status.pending.append(name);
        }
    }
    return status;
}

Result<void> checkSchema(const QString& conninfo)
{
    const Result<SchemaStatus> status = readSchemaStatus(conninfo);
    if (!status) {
        return status.error();
    }
    if (!status->unknown.isEmpty()) {
        return makeError(Service::PostgreSQL, ErrorCode::SchemaMismatch,
                         QStringLiteral("schema is at %1, newer than this build (%2): upgrade "
                                        "pixelnest")
                             .arg(status->current)
                             .arg(status->needed));
    }
    if (!status->pending.isEmpty()) {
        return makeError(Service::PostgreSQL, ErrorCode::SchemaMismatch,
                         QStringLiteral("schema is at %1, this build needs %2: run `pixelnest "
                                        "migrate`")
                             .arg(status->current)
                             .arg(status->needed));
    }
    return {};
}

Result<QString> pendingMigrationSql(const SchemaStatus& status)
{
    QString script;
    for (const QString& name : status.pending) {
        const Result<QByteArray> sql = migrationSql(name);
        if (!sql) {
            return sql.error();
        }
        script += QStringLiteral("-- %1\n").arg(name) + QString::fromUtf8(sql.value()) +
                  QStringLiteral("\n");
    }
    return script;
}

QStringList availableMigrations()
{
    QStringList names;
    const QStringList files =
        QDir(kMigrationsDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        names.append(file.chopped(4));
    }
    return names;
}

Result<int> applyMigrations(const QString& conninfo)
{
    PgConnection connection;
    if (Result<void> opened = connection.open(conninfo); !opened) {
        return opened.error();
    }
    // Silence "relation already exists, skipping" notices from IF NOT EXISTS. An index build
    // over a large table may take longer than the usual statement timeout.
    (void)connection.exec("SET client_min_messages = warning");
    (void)connection.exec("SET statement_timeout = 0");
    if (Result<PgResult> locked = connection.exec(kLockSql); !locked) {
        return locked.error();
    }
    Result<int> applied = applyPending(connection);
    (void)connection.exec(kUnlockSql);
    return applied;
}

} // namespace pixelnest
