#include "teststack.h"

#include <QFile>

#include "pixelnest/localstack.h"
#include "pixelnest/schema.h"
#include "store/pgconnection.h"

#include <QStringList>
#include <QUuid>

#include <mutex>
#include <stdexcept>

namespace pixelnest::test
{

namespace
{

QString requiredEnvironment(const char* name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty()) {
        // Never skip: a test that needs a server and has none is a failure.
        qFatal("%s is not set: run the tests through ctest (it starts the local-stack fixture)",
               name);
    }
    return value;
}

// The scratch databases this test process made, dropped when it exits: each holds a test's
// rows (545 MB for ui/millionrows), and ~300 of them per run filled the disk of a machine that
// ran the suite again and again on one stack. WITH (FORCE): an engine a test started may still
// be connected. A process that crashes leaves its own; `stack_drop_scratch` (tests/CMakeLists)
// drops every scratch database at the end of each ctest run.
class ScratchDatabases
{
public:
    void add(const QString& name)
    {
        const std::lock_guard lock(m_mutex);
        m_names.append(name);
    }

    ~ScratchDatabases()
    {
        if (m_names.isEmpty()) {
            return;
        }
        engine::PgConnection admin;
        if (!admin.open(postgresConninfo())) {
            return; // the stack is gone already: nothing to keep tidy
        }
        (void)admin.exec("SET client_min_messages = warning"); // no notice for one gone already
        for (const QString& name : std::as_const(m_names)) {
            (void)admin.exec("DROP DATABASE IF EXISTS " + name.toUtf8() + " WITH (FORCE)");
        }
    }

private:
    std::mutex m_mutex;
    QStringList m_names;
};

ScratchDatabases& scratchDatabases()
{
    static ScratchDatabases databases;
    return databases;
}

} // namespace

QString stackDir()
{
    return requiredEnvironment("PIXELNEST_TEST_STACK");
}

QString postgresConninfo()
{
    return LocalStack(stackDir()).postgresConninfo();
}

int queueShards()
{
    return qEnvironmentVariableIntValue("PIXELNEST_TEST_QUEUE_SHARDS");
}

QString redisUrl()
{
    // integration/redistls runs the queue and engine tests again over TLS through this.
    const QString over = qEnvironmentVariable("PIXELNEST_TEST_REDIS_URL");
    return over.isEmpty() ? LocalStack(stackDir()).redisUrl() : over;
}

QString createScratchDatabase(bool migrate)
{
    const QString name = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    engine::PgConnection admin;
    if (!admin.open(postgresConninfo())) {
        qFatal("cannot reach the fixture's PostgreSQL at %s", qPrintable(postgresConninfo()));
    }
    if (!admin.exec("CREATE DATABASE " + name.toUtf8())) {
        qFatal("cannot create database %s", qPrintable(name));
    }
    scratchDatabases().add(name);
    QString conninfo = postgresConninfo();
    conninfo.replace(QStringLiteral("dbname=pixelnest"), QStringLiteral("dbname=") + name);
    if (migrate) {
        const Result<int> applied = applyMigrations(conninfo);
        if (!applied) {
            qFatal("migrations failed: %s", qPrintable(applied.error().message));
        }
    }
    return conninfo;
}

QString privateStackDir(const QString& root)
{
    QFile(root).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ExeOwner | QFileDevice::ExeOther);
    return root + QStringLiteral("/s");
}

QString pixelnestBinary()
{
    return requiredEnvironment("PIXELNEST_BINARY");
}

} // namespace pixelnest::test

#include <QElapsedTimer>
#include <QStringList>
#include <QThread>

#include <libpq-fe.h>

namespace pixelnest::test
{

QStringList drainNotifications(engine::PgConnection& connection)
{
    QStringList payloads;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 2000) {
        PQconsumeInput(connection.raw());
        while (PGnotify* notify = PQnotifies(connection.raw())) {
            payloads.append(QString::fromUtf8(notify->extra));
            PQfreemem(notify);
        }
        if (!payloads.isEmpty() && timer.elapsed() > 300) {
            break;
        }
        QThread::msleep(20);
    }
    return payloads;
}

} // namespace pixelnest::test
