#include "stack/postgresinstance.h"

#include "pixelnest/logging.h"
#include "stack/executables.h"
#include "store/pgconnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pixelnest::engine
{

namespace
{

constexpr int kToolTimeoutMs = 120'000;

// The settings this instance needs, rewritten at every start so a moved directory still works.
// PostgreSQL keeps its defaults for durability (fsync, synchronous_commit on).
QByteArray serverSettings(const QString& socketDir)
{
    return QStringLiteral("# Written by pixelnest local up; edits are overwritten.\n"
                          "listen_addresses = ''\n"
                          "unix_socket_directories = '%1'\n"
                          "unix_socket_permissions = 0700\n"
                          "max_connections = 200\n")
        .arg(socketDir)
        .toUtf8();
}

} // namespace

PostgresInstance::PostgresInstance(QString dir) : m_dir(std::move(dir)) {}

QString PostgresInstance::dataDir() const
{
    return m_dir + QStringLiteral("/data");
}

QString PostgresInstance::socketDir() const
{
    return m_dir + QStringLiteral("/socket");
}

QString PostgresInstance::conninfo(const QString& database) const
{
    return QStringLiteral("host=%1 dbname=%2 user=%3").arg(socketDir(), database, userName());
}

bool PostgresInstance::initialized() const
{
    return QFileInfo::exists(dataDir() + QStringLiteral("/PG_VERSION"));
}

bool PostgresInstance::running() const
{
    const QByteArray info = conninfo(QStringLiteral("postgres")).toUtf8() + " connect_timeout=2";
    return PQping(info.constData()) == PQPING_OK;
}

Result<void> PostgresInstance::prepareDirectories()
{
    for (const QString& path : {m_dir, socketDir()}) {
        if (!QDir().mkpath(path)) {
            return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                             QStringLiteral("cannot create %1").arg(path));
        }
        ::chmod(QFile::encodeName(path).constData(), 0700);
        if (Result<void> owned = giveToServerUser(path, Service::PostgreSQL); !owned) {
            return owned;
        }
    }
    return {};
}

Result<void> PostgresInstance::initialize()
{
    if (initialized()) {
        return {};
    }
    const Result<QString> initdb = findPostgresTool(QStringLiteral("initdb"));
    if (!initdb) {
        return initdb.error();
    }
    if (Result<void> prepared = prepareDirectories(); !prepared) {
        return prepared;
    }
    qCInfo(lcStack) << "creating PostgreSQL cluster in" << dataDir();
    const Command command =
        asServerUser({initdb.value(),
                      {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), userName(),
                       QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"),
                       QStringLiteral("UTF8"), QStringLiteral("--no-locale")},
                      m_dir});
    if (Result<QString> ran = runCommand(command, kToolTimeoutMs); !ran) {
        return ran.error();
    }
    QFile mainConf(dataDir() + QStringLiteral("/postgresql.conf"));
    if (!mainConf.open(QIODevice::Append)) {
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         QStringLiteral("cannot edit %1").arg(mainConf.fileName()));
    }
    mainConf.write("\ninclude_if_exists = 'pixelnest.conf'\n");
    return {};
}

Result<void> PostgresInstance::writeServerSettings()
{
    QFile file(dataDir() + QStringLiteral("/pixelnest.conf"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         QStringLiteral("cannot write %1").arg(file.fileName()));
    }
    file.write(serverSettings(socketDir()));
    file.close();
    return giveToServerUser(file.fileName(), Service::PostgreSQL);
}

Result<void> PostgresInstance::start()
{
    if (running()) {
        return {};
    }
    const Result<QString> pgCtl = findPostgresTool(QStringLiteral("pg_ctl"));
    if (!pgCtl) {
        return pgCtl.error();
    }
    if (Result<void> prepared = prepareDirectories(); !prepared) {
        return prepared;
    }
    if (Result<void> written = writeServerSettings(); !written) {
        return written;
    }
    qCInfo(lcStack) << "starting PostgreSQL on" << socketDir();
    const Command command =
        asServerUser({pgCtl.value(),
                      {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                       m_dir + QStringLiteral("/postgres.log"), QStringLiteral("-w"),
                       QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
                      m_dir});
    if (Result<QString> ran = runCommand(command, kToolTimeoutMs); !ran) {
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         ran.error().message + QStringLiteral(" (see %1/postgres.log)").arg(m_dir));
    }
    return {};
}

Result<void> PostgresInstance::stop()
{
    if (!initialized() || !QFileInfo::exists(dataDir() + QStringLiteral("/postmaster.pid"))) {
        return {};
    }
    const Result<QString> pgCtl = findPostgresTool(QStringLiteral("pg_ctl"));
    if (!pgCtl) {
        return pgCtl.error();
    }
    qCInfo(lcStack) << "stopping PostgreSQL in" << dataDir();
    const Command command = asServerUser(
        {pgCtl.value(),
         {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"),
          QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("stop")},
         m_dir});
    Result<QString> ran = runCommand(command, kToolTimeoutMs);
    if (!ran && running()) {
        return ran.error();
    }
    return {};
}

Result<void> PostgresInstance::createDatabase()
{
    PgConnection admin;
    if (Result<void> connected = admin.open(conninfo(QStringLiteral("postgres"))); !connected) {
        return connected;
    }
    const Result<PgResult> found =
        admin.exec("SELECT 1 FROM pg_database WHERE datname = $1", {databaseName().toUtf8()});
    if (!found) {
        return found.error();
    }
    if (found->rows() > 0) {
        return {};
    }
    const Result<PgResult> created =
        admin.exec(QByteArray("CREATE DATABASE ") + databaseName().toUtf8());
    if (!created) {
        return created.error();
    }
    return {};
}

} // namespace pixelnest::engine
