#include "pixelnest/schema.h"

#include "pixelnest/logging.h"
#include "store/pgconnection.h"

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

// One migration, its bookkeeping row included, in one transaction: all of it or none.
Result<void> applyOne(PgConnection& connection, const QString& name)
{
    QFile file(kMigrationsDir + QLatin1Char('/') + name + QStringLiteral(".sql"));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Service::PostgreSQL, ErrorCode::Internal,
                         QStringLiteral("migration %1 missing").arg(name));
    }
    const QByteArray script = "BEGIN;\n" + file.readAll() +
                              "\nINSERT INTO schema_migrations (version) VALUES ('" +
                              name.toUtf8() + "');\nCOMMIT;";
    PGresult* result = PQexec(connection.raw(), script.constData());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    const QString message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    if (!ok) {
        PQclear(PQexec(connection.raw(), "ROLLBACK"));
        return makeError(Service::PostgreSQL, ErrorCode::Internal,
                         QStringLiteral("migration %1 failed: %2").arg(name, message));
    }
    qCInfo(lcStore) << "applied migration" << name;
    return {};
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
    return count;
}

} // namespace

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
