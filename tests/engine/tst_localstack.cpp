#include "pixelnest/localstack.h"
#include "store/pgconnection.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <hiredis/hiredis.h>

#include <thread>

#include <unistd.h>

using namespace pixelnest;

namespace
{

// Runs one Redis command on the stack's socket and returns the reply as text.
QByteArray redisCommandText(const LocalStack& stack, const char* command)
{
    const QByteArray path = stack.redisUrl().mid(int(qstrlen("unix://"))).toUtf8();
    redisContext* context = redisConnectUnix(path.constData());
    if (context == nullptr || context->err) {
        redisFree(context);
        return "<no connection>";
    }
    auto* reply = static_cast<redisReply*>(redisCommand(context, command));
    QByteArray text = reply && reply->str ? QByteArray(reply->str, int(reply->len)) : QByteArray();
    freeReplyObject(reply);
    redisFree(context);
    return text;
}

} // namespace

class TestLocalStack final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;

    QString freshDir(const char* name) const { return m_root.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        // Searchable by others: as root, PostgreSQL runs as `postgres` and must traverse it.
        QFile(m_root.path())
            .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                            QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    }

    void upStartsBothServersAndDownStopsThem()
    {
        LocalStack stack(freshDir("a"));
        const Result<void> up = stack.up();
        QVERIFY2(up.ok(), qPrintable(up.error().message));
        LocalStackStatus status = stack.status();
        QVERIFY(status.initialized);
        QVERIFY(status.postgresRunning);
        QVERIFY(status.redisRunning);
        QVERIFY(stack.postgresConninfo().contains(stack.dir()));
        QVERIFY(stack.redisUrl().startsWith(QStringLiteral("unix:///")));
        // Started by root (as CI is), neither server runs as root.
        if (::geteuid() == 0) {
            QFile pidFile(stack.dir() + QStringLiteral("/redis/redis.pid"));
            QVERIFY(pidFile.open(QIODevice::ReadOnly));
            const QByteArray pid = pidFile.readAll().trimmed();
            QFile procStatus(QStringLiteral("/proc/%1/status").arg(QString::fromLatin1(pid)));
            QVERIFY(procStatus.open(QIODevice::ReadOnly));
            const QByteArray text = procStatus.readAll();
            const QByteArray uidLine = text.mid(text.indexOf("\nUid:") + 5).split('\n').first();
            QVERIFY2(!uidLine.simplified().startsWith("0 "), uidLine.constData());
        }

        QVERIFY(stack.down().ok());
        status = stack.status();
        QVERIFY(!status.postgresRunning);
        QVERIFY(!status.redisRunning);
    }

    void upAndDownAreIdempotent()
    {
        LocalStack stack(freshDir("b"));
        QVERIFY(stack.up().ok());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(stack.up().ok()); // already up: nothing to do
        QVERIFY2(timer.elapsed() < 5000, "a second `up` must not restart the servers");
        QVERIFY(stack.status().postgresRunning);
        QVERIFY(stack.down().ok());
        QVERIFY(stack.down().ok());
        QVERIFY(!stack.status().redisRunning);
    }

    void dataSurvivesARestart()
    {
        LocalStack stack(freshDir("c"));
        QVERIFY(stack.up().ok());
        {
            engine::PgConnection connection;
            QVERIFY(connection.open(stack.postgresConninfo()).ok());
            QVERIFY(connection.exec("CREATE TABLE kept (v int)").ok());
            QVERIFY(connection.exec("INSERT INTO kept VALUES (7)").ok());
        }
        QCOMPARE(redisCommandText(stack, "SET kept 42"), QByteArray("OK"));
        QVERIFY(stack.down().ok());
        QVERIFY(stack.up().ok());
        engine::PgConnection connection;
        QVERIFY(connection.open(stack.postgresConninfo()).ok());
        const Result<engine::PgResult> rows = connection.exec("SELECT v FROM kept");
        QVERIFY(rows.ok());
        QCOMPARE(rows->integer(0, 0), 7);
        // AOF is on: the local queue survives a restart.
        QCOMPARE(redisCommandText(stack, "GET kept"), QByteArray("42"));
        QVERIFY(stack.down().ok());
    }

    void concurrentUpStartsOneStack()
    {
        const QString dir = freshDir("d");
        Result<void> first;
        Result<void> second;
        std::thread a([&] { first = LocalStack(dir).up(); });
        std::thread b([&] { second = LocalStack(dir).up(); });
        a.join();
        b.join();
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QVERIFY2(second.ok(), qPrintable(second.error().message));
        LocalStack stack(dir);
        QVERIFY(stack.status().postgresRunning);
        QVERIFY(stack.status().redisRunning);
        QVERIFY(stack.down().ok());
    }

    void unreachableDirectoryIsExplainedToRoot()
    {
        if (::geteuid() != 0) {
            QSKIP("only root hands PostgreSQL to another user");
        }
        QTemporaryDir closed; // mode 0700: the postgres user cannot enter it
        const Result<void> up = LocalStack(closed.filePath(QStringLiteral("s"))).up();
        QVERIFY(!up.ok());
        QVERIFY2(up.error().message.contains(QStringLiteral("is not searchable by others")),
                 qPrintable(up.error().message));
    }

    void missingRedisServerIsNamed()
    {
        qputenv("PIXELNEST_REDIS_SERVER", "/nonexistent/redis-server");
        const Result<void> up = LocalStack(freshDir("e")).up();
        qunsetenv("PIXELNEST_REDIS_SERVER");
        QVERIFY(!up.ok());
        QCOMPARE(up.error().code, ErrorCode::Unavailable);
        QCOMPARE(up.error().message, QStringLiteral("redis-server not found: run scripts/setup"));
    }

    void missingPostgresIsNamed()
    {
        QTemporaryDir empty;
        qputenv("PIXELNEST_PG_BINDIR", empty.path().toUtf8());
        const Result<void> up = LocalStack(freshDir("f")).up();
        qunsetenv("PIXELNEST_PG_BINDIR");
        QVERIFY(!up.ok());
        QVERIFY2(up.error().message.startsWith(QStringLiteral("initdb not found")),
                 qPrintable(up.error().message));
        QVERIFY(up.error().message.endsWith(QStringLiteral("run scripts/setup")));
    }
};

QTEST_GUILESS_MAIN(TestLocalStack)
#include "tst_localstack.moc"
