#include "pixelnest/localstack.h"

#include "pixelnest/logging.h"
#include "stack/executables.h"
#include "stack/postgresinstance.h"
#include "stack/redisinstance.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

#include <sys/stat.h>

namespace pixelnest
{

using engine::PostgresInstance;
using engine::RedisInstance;

namespace
{

constexpr int kLockTimeoutMs = 120'000;

PostgresInstance postgresIn(const QString& dir)
{
    return PostgresInstance(dir + QStringLiteral("/postgres"));
}

RedisInstance redisIn(const QString& dir)
{
    return RedisInstance(dir + QStringLiteral("/redis"));
}

// Both tools are looked up before anything starts, so a missing one fails cleanly.
Result<void> checkBinaries()
{
    for (const char* tool : {"initdb", "pg_ctl"}) {
        if (Result<QString> found = engine::findPostgresTool(QLatin1String(tool)); !found) {
            return found.error();
        }
    }
    if (Result<QString> found = engine::findRedisServer(); !found) {
        return found.error();
    }
    return {};
}

// As root, PostgreSQL runs as `postgres`, which must be able to traverse every directory above
// the stack: say which one blocks it instead of letting initdb fail with "Permission denied".
Result<void> checkReachableByPostgres(const QString& dir)
{
    if (!engine::runningAsRoot()) {
        return {};
    }
    for (QDir parent(dir); parent.cdUp();) {
        struct stat info = {};
        if (::stat(QFile::encodeName(parent.absolutePath()).constData(), &info) == 0 &&
            (info.st_mode & S_IXOTH) == 0) {
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("the postgres user cannot reach %1 because %2 is not "
                                            "searchable by others: run chmod o+x %2 or choose "
                                            "another --dir")
                                 .arg(dir, parent.absolutePath()));
        }
        if (parent.isRoot()) {
            break;
        }
    }
    return {};
}

// Single-quoted for POSIX shells: ' becomes '\''.
QString shellQuote(const QString& value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

LocalStack::LocalStack(QString dir) : m_dir(QDir(dir.isEmpty() ? defaultDir() : dir).absolutePath())
{
}

QString LocalStack::defaultDir()
{
    if (engine::runningAsRoot()) {
        return QStringLiteral("/var/lib/pixelnest/local");
    }
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/pixelnest/local");
}

QString LocalStack::postgresConninfo() const
{
    return postgresIn(m_dir).conninfo();
}

QString LocalStack::redisUrl() const
{
    return redisIn(m_dir).url();
}

Result<void> LocalStack::up()
{
    if (Result<void> tools = checkBinaries(); !tools) {
        return tools;
    }
    if (Result<void> reachable = checkReachableByPostgres(m_dir); !reachable) {
        return reachable;
    }
    if (!QDir().mkpath(m_dir)) {
        return makeError(ErrorCode::Unavailable, QStringLiteral("cannot create %1").arg(m_dir));
    }
    // 0711: as root, the postgres user must traverse this directory to reach its own subfolder.
    ::chmod(QFile::encodeName(m_dir).constData(), 0711);
    QLockFile lock(m_dir + QStringLiteral("/stack.lock"));
    if (!lock.tryLock(kLockTimeoutMs)) {
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("another pixelnest is starting the local stack in %1 "
                                        "and has not finished after %2 s")
                             .arg(m_dir)
                             .arg(kLockTimeoutMs / 1000));
    }
    return upLocked();
}

Result<void> LocalStack::upLocked()
{
    PostgresInstance postgres = postgresIn(m_dir);
    if (Result<void> done = postgres.initialize(); !done) {
        return done;
    }
    if (Result<void> done = postgres.start(); !done) {
        return done;
    }
    if (Result<void> done = postgres.createDatabase(); !done) {
        return done;
    }
    return redisIn(m_dir).start();
}

Result<void> LocalStack::down()
{
    if (!QFileInfo::exists(m_dir)) {
        return {};
    }
    QLockFile lock(m_dir + QStringLiteral("/stack.lock"));
    if (!lock.tryLock(kLockTimeoutMs)) {
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("the local stack in %1 is busy").arg(m_dir));
    }
    const Result<void> redis = redisIn(m_dir).stop();
    const Result<void> postgres = postgresIn(m_dir).stop();
    return !postgres ? postgres : redis;
}

LocalStackStatus LocalStack::status() const
{
    LocalStackStatus status;
    status.dir = m_dir;
    const PostgresInstance postgres = postgresIn(m_dir);
    status.initialized = postgres.initialized();
    status.postgresRunning = status.initialized && postgres.running();
    status.redisRunning = redisIn(m_dir).running();
    return status;
}

QString LocalStack::environmentLines() const
{
    return QStringLiteral("export PIXELNEST_POSTGRES=%1\nexport PIXELNEST_REDIS=%2\n")
        .arg(shellQuote(postgresConninfo()), shellQuote(redisUrl()));
}

} // namespace pixelnest
