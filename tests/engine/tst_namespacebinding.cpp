// A Redis namespace dispatches the ids of one database: the first to use it binds it, and a
// process pointed at another database is refused, by every entry point, with both named.
#include "cliprocess.h"
#include "pixelnest/prepareservers.h"
#include "teststack.h"

#include <QTest>
#include <QUuid>

using namespace pixelnest;

class TestNamespaceBinding final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNamespaceBelongsToOneDatabase()
    {
        const QString ns =
            QStringLiteral("bind") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        const ConnectionConfig first{test::createScratchDatabase(), test::redisUrl(),
                                     ConfigSource::Flag, ConfigSource::Flag};
        const ConnectionConfig second{test::createScratchDatabase(), test::redisUrl(),
                                      ConfigSource::Flag, ConfigSource::Flag};
        QVERIFY(prepareServers(first, ns).ok());
        QVERIFY(prepareServers(first, ns).ok()); // again: the same database, still fine

        const Result<void> refused = prepareServers(second, ns);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY2(refused.error().message.contains(QStringLiteral("namespace '%1'").arg(ns)),
                 qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(QStringLiteral("choose another --namespace")));
        // The other database is free to use a namespace of its own.
        QVERIFY(prepareServers(second, ns + QStringLiteral("b")).ok());

        // The command line refuses the same way, before touching anything (exit 2).
        QProcessEnvironment environment = test::environmentFor(second.postgres, second.redis);
        environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), ns);
        const test::CliRun jobs = test::runPixelnest({QStringLiteral("jobs")}, environment);
        QCOMPARE(jobs.exitCode, 2);
        QVERIFY2(jobs.err.contains(QStringLiteral("dispatches the jobs of database")),
                 qPrintable(jobs.err));
        const test::CliRun engine = test::runPixelnest(
            {QStringLiteral("--engine-only"), QStringLiteral("--exit-when-idle")}, environment);
        QCOMPARE(engine.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestNamespaceBinding)
#include "tst_namespacebinding.moc"
