#include "cliprocess.h"
#include "pixelnest/version.h"
#include "teststack.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pixelnest;
using test::CliRun;
using test::runPixelnest;

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpListsTheSurface()
    {
        const CliRun run = runPixelnest({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("Usage: pixelnest")));
        QVERIFY(run.out.contains(QStringLiteral("local up|down|status|env")));
        QVERIFY(run.out.contains(QStringLiteral("--engine-only")));
        QVERIFY(run.out.contains(QStringLiteral("PIXELNEST_POSTGRES")));
    }

    void versionPrintsTheVersion()
    {
        const CliRun run = runPixelnest({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("pixelnest ") + QLatin1String(kVersion));
    }

    void unknownOptionIsAUsageError()
    {
        const CliRun run = runPixelnest({QStringLiteral("--frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("Unknown option 'frobnicate'")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("pixelnest --help")));
        QVERIFY(run.out.isEmpty());
    }

    void unknownCommandIsAUsageError()
    {
        const CliRun run = runPixelnest({QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("unknown command 'frobnicate'")));
    }

    void localStatusAndEnvDescribeTheFixture()
    {
        const QString dir = test::stackDir();
        CliRun run = runPixelnest({QStringLiteral("local"), QStringLiteral("status"),
                                   QStringLiteral("--dir"), dir});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("PostgreSQL: running")));
        QVERIFY(run.out.contains(QStringLiteral("Redis:      running")));
        run = runPixelnest(
            {QStringLiteral("local"), QStringLiteral("env"), QStringLiteral("--dir"), dir});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("export PIXELNEST_POSTGRES='%1'\n"
                                         "export PIXELNEST_REDIS='%2'\n")
                              .arg(test::postgresConninfo(), test::redisUrl()));
    }

    void twoProcessesBringUpOneStack()
    {
        QTemporaryDir root;
        QFile(root.path()).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ExeOther);
        const QString dir = root.filePath(QStringLiteral("stack"));
        const QStringList up{QStringLiteral("local"), QStringLiteral("up"),
                             QStringLiteral("--dir"), dir};
        QProcess first;
        QProcess second;
        first.start(test::pixelnestBinary(), up);
        second.start(test::pixelnestBinary(), up);
        QVERIFY(first.waitForFinished(120'000));
        QVERIFY(second.waitForFinished(120'000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(second.exitCode(), 0);
        const CliRun status = runPixelnest(
            {QStringLiteral("local"), QStringLiteral("status"), QStringLiteral("--dir"), dir});
        QCOMPARE(status.exitCode, 0);
        const CliRun down = runPixelnest(
            {QStringLiteral("local"), QStringLiteral("down"), QStringLiteral("--dir"), dir});
        QCOMPARE(down.exitCode, 0);
        const CliRun stopped = runPixelnest(
            {QStringLiteral("local"), QStringLiteral("status"), QStringLiteral("--dir"), dir});
        QCOMPARE(stopped.exitCode, 3);
        QVERIFY(stopped.out.contains(QStringLiteral("PostgreSQL: stopped")));
    }

    void missingBinaryExitsThreeWithTheFix()
    {
        QTemporaryDir root;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PATH"), root.path()); // no redis-server on PATH
        const CliRun run =
            runPixelnest({QStringLiteral("local"), QStringLiteral("up"), QStringLiteral("--dir"),
                          root.filePath(QStringLiteral("stack"))},
                         environment);
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("pixelnest local: redis-server not found: run scripts/setup"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
