// Errors say which part failed, so that callers decide by kind and never by text; reading the
// value of an error stops the program in every build type instead of reading garbage.
#include "pixelnest/result.h"
#include "queue/redisclient.h"
#include "store/pgconnection.h"

#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace pixelnest;

class TestResult final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueOfAnErrorAborts()
    {
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // qFatal's message and the child's own test report are not this test's output.
            ::close(STDOUT_FILENO);
            ::close(STDERR_FILENO);
            const Result<int> failed = makeError(ErrorCode::Internal, QStringLiteral("boom"));
            const int value = failed.value();
            ::_exit(value == 0 ? 0 : 1); // reached only if value() did not stop the program
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
                 "Result::value() on an error returned instead of aborting");
    }

    void valueOfASuccessIsThere()
    {
        const Result<int> ok = 42;
        QCOMPARE(ok.value(), 42);
        QCOMPARE(ok.error().service, Service::None);
    }

    void serverErrorsNameTheirService()
    {
        engine::PgConnection postgres;
        const Result<void> noPostgres =
            postgres.open(QStringLiteral("host=127.0.0.1 port=1 dbname=x connect_timeout=2"));
        QVERIFY(!noPostgres);
        QCOMPARE(noPostgres.error().service, Service::PostgreSQL);
        QCOMPARE(noPostgres.error().code, ErrorCode::Unavailable);

        engine::RedisClient redis(
            engine::RedisUrl::parse(QStringLiteral("redis://127.0.0.1:1/0")).value(), 2000);
        const Result<void> noRedis = redis.connect();
        QVERIFY(!noRedis);
        QCOMPARE(noRedis.error().service, Service::Redis);
        QCOMPARE(noRedis.error().code, ErrorCode::Unavailable);
        QCOMPARE(serviceName(noRedis.error().service), QStringLiteral("Redis"));
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
