#include "cliprocess.h"
#include "pixelnest/version.h"
#include "queue/redisclient.h"
#include "queue/redisurl.h"
#include "testimages.h"
#include "teststack.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pixelnest;
using test::CliRun;
using test::runPixelnest;

namespace
{

QProcessEnvironment scratchEnvironment()
{
    return test::scratchEnvironment(QStringLiteral("cli"));
}

QSet<QString> keysOf(const QJsonObject& object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

const QSet<QString> kJobKeys{
    QStringLiteral("id"),
    QStringLiteral("title"),
    QStringLiteral("status"),
    QStringLiteral("priority"),
    QStringLiteral("pipeline"),
    QStringLiteral("attempts"),
    QStringLiteral("error"),
    QStringLiteral("result"),
    QStringLiteral("worker"),
    QStringLiteral("created_at"),
    QStringLiteral("started_at"),
    QStringLiteral("finished_at"),
    // Beyond DESIGN.md's keys (issue 11: scheduled and expiring jobs).
    QStringLiteral("not_before"),
    QStringLiteral("expires_at"),
};

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void submitFolderPrintsJsonAndNamesRejects()
    {
        const QProcessEnvironment environment = scratchEnvironment();
        QTemporaryDir folder;
        QDir(folder.path()).mkpath(QStringLiteral("nested"));
        test::writeFile(folder.path(), QStringLiteral("a.png"), test::encodedImage(16, 16));
        test::writeFile(folder.path(), QStringLiteral("nested/b.jpg"),
                        test::encodedImage(16, 16, "JPEG"));
        test::writeFile(folder.path(), QStringLiteral("notes.txt"), "not an image");
        const CliRun run =
            runPixelnest({QStringLiteral("submit"), QStringLiteral("--json"),
                          QStringLiteral("--priority"), QStringLiteral("-5"), folder.path()},
                         environment);
        QCOMPARE(run.exitCode, 4); // partial: one input rejected
        const QJsonArray accepted = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(accepted.size(), 2);
        QCOMPARE(keysOf(accepted[0].toObject()),
                 (QSet<QString>{QStringLiteral("id"), QStringLiteral("path")}));
        QVERIFY(accepted[1][QStringLiteral("path")].toString().endsWith(
            QStringLiteral("nested/b.jpg")));
        QVERIFY2(run.err.contains(QStringLiteral("notes.txt")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("not an image")));

        const CliRun jobs =
            runPixelnest({QStringLiteral("jobs"), QStringLiteral("--json")}, environment);
        QCOMPARE(jobs.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(jobs.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(keysOf(rows[0].toObject()), kJobKeys);
        QCOMPARE(rows[0][QStringLiteral("priority")].toInt(), -5);
        QCOMPARE(rows[0][QStringLiteral("status")].toString(), QStringLiteral("queued"));
        QVERIFY(rows[0][QStringLiteral("created_at")].toString().endsWith(QLatin1Char('Z')));

        const QString id = QString::number(accepted[0][QStringLiteral("id")].toInteger());
        const CliRun show =
            runPixelnest({QStringLiteral("show"), id, QStringLiteral("--json")}, environment);
        QCOMPARE(show.exitCode, 0);
        const QJsonObject detail = QJsonDocument::fromJson(show.out.toUtf8()).object();
        QCOMPARE(keysOf(detail), kJobKeys + QSet<QString>{QStringLiteral("history")});
        QVERIFY(detail[QStringLiteral("history")].isArray());
    }

    void statsJsonHasTheDocumentedShape()
    {
        const QProcessEnvironment environment = scratchEnvironment();
        QTemporaryDir folder;
        const QString image =
            test::writeFile(folder.path(), QStringLiteral("a.png"), test::encodedImage(8, 8));
        QCOMPARE(runPixelnest({QStringLiteral("submit"), QStringLiteral("--priority"),
                               QStringLiteral("7"), image},
                              environment)
                     .exitCode,
                 0);
        const CliRun run =
            runPixelnest({QStringLiteral("stats"), QStringLiteral("--json")}, environment);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject stats = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(stats.contains(QStringLiteral("counts")));
        QVERIFY(stats.contains(QStringLiteral("queue_depth")));
        QVERIFY(stats.contains(QStringLiteral("in_flight")));
        QVERIFY(stats[QStringLiteral("workers")].isArray());
        QCOMPARE(keysOf(stats[QStringLiteral("counts")].toObject()),
                 (QSet<QString>{QStringLiteral("queued"), QStringLiteral("processing"),
                                QStringLiteral("completed"), QStringLiteral("failed"),
                                QStringLiteral("cancelled")}));
        QCOMPARE(stats[QStringLiteral("counts")][QStringLiteral("queued")].toInt(), 1);
        QCOMPARE(stats[QStringLiteral("queue_depth")][QStringLiteral("7")].toInt(), 1);
    }

    void bulkCommandsReportAndExitCodes()
    {
        const QProcessEnvironment environment = scratchEnvironment();
        QTemporaryDir folder;
        const QString image =
            test::writeFile(folder.path(), QStringLiteral("a.png"), test::encodedImage(8, 8));
        const CliRun submitted =
            runPixelnest({QStringLiteral("submit"), QStringLiteral("--json"), image}, environment);
        const QString id = QString::number(QJsonDocument::fromJson(submitted.out.toUtf8())
                                               .array()[0][QStringLiteral("id")]
                                               .toInteger());

        CliRun run =
            runPixelnest({QStringLiteral("priority"), QStringLiteral("-20"), id}, environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("1 image(s) now at priority -20"));
        run = runPixelnest({QStringLiteral("priority"), QStringLiteral("5000"), id}, environment);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("out of range")));
        run =
            runPixelnest({QStringLiteral("reprocess"), id, QStringLiteral("424242")}, environment);
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains(QStringLiteral("no image with id 424242")));
        QVERIFY(run.err.contains(QStringLiteral("still queued or processing")));
        run = runPixelnest({QStringLiteral("cancel"), id}, environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("1 image(s) cancelled"));
        run = runPixelnest({QStringLiteral("reprocess"), id}, environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("1 image(s) queued for reprocessing"));
        run = runPixelnest(
            {QStringLiteral("jobs"), QStringLiteral("--status"), QStringLiteral("bogus")},
            environment);
        QCOMPARE(run.exitCode, 2);
        run = runPixelnest({QStringLiteral("show"), QStringLiteral("abc")}, environment);
        QCOMPARE(run.exitCode, 2);
    }

    void unreachableServiceExitsThree()
    {
        QProcessEnvironment environment = scratchEnvironment();
        environment.insert(QStringLiteral("PIXELNEST_REDIS"),
                           QStringLiteral("unix:///nonexistent/redis.sock"));
        const CliRun run = runPixelnest({QStringLiteral("stats")}, environment);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(
            run.err.contains(QStringLiteral("Redis at unix:///nonexistent/redis.sock unreachable")),
            qPrintable(run.err));
    }

    // libtorch lives in a module the engine loads for its first model: an admin command must
    // not pay for it (it cost every command ~0.9 s and ~150 MB before main()).
    void adminCommandsNeverMapLibtorch()
    {
        QProcess watch;
        watch.setProcessEnvironment(scratchEnvironment());
        watch.start(test::pixelnestBinary(), {QStringLiteral("stats"), QStringLiteral("--watch")});
        QVERIFY(watch.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(watch.bytesAvailable() > 0 || watch.state() != QProcess::Running,
                                 30'000);
        QFile maps(QStringLiteral("/proc/%1/maps").arg(watch.processId()));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray mapped = maps.readAll();
        watch.kill();
        watch.waitForFinished();
        QVERIFY(mapped.contains("libQt6Core"));
        QVERIFY2(!mapped.contains("libtorch"), "pixelnest stats mapped libtorch");
    }

    void missingInferenceModuleFailsTheEngineClearly()
    {
        QProcessEnvironment environment = scratchEnvironment();
        environment.insert(QStringLiteral("PIXELNEST_TORCH_MODULE"),
                           QStringLiteral("/nonexistent/libpixelnest_torch.so"));
        const CliRun run = runPixelnest(
            {QStringLiteral("--engine-only"), QStringLiteral("--exit-when-idle")}, environment);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("pixelnest: the inference module could not be "
                                                 "loaded (/nonexistent/libpixelnest_torch.so")),
                 qPrintable(run.err));
    }

    // The namespace is a Redis hash tag and an ACL key pattern: nothing that could widen one.
    void namespaceAcceptsOnlyPlainNames()
    {
        for (const QString& bad : {QStringLiteral("a:b"), QStringLiteral("a*"),
                                   QStringLiteral("a{b}"), QStringLiteral("a.b")}) {
            const CliRun run =
                runPixelnest({QStringLiteral("--namespace"), bad, QStringLiteral("stats")},
                             scratchEnvironment());
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QStringLiteral("1-64 letters, digits, _ or -")),
                     qPrintable(run.err));
        }
    }

    // The Redis password from a private file, never argv; a wrong one is refused without being
    // echoed.
    void redisPasswordComesFromAFile()
    {
        const QByteArray user = "cli" + QUuid::createUuid().toString(QUuid::Id128).left(8).toUtf8();
        const QByteArray password = "Rp-" + QUuid::createUuid().toString(QUuid::Id128).toUtf8();
        engine::RedisClient admin(engine::RedisUrl::parse(test::redisUrl()).value());
        QVERIFY(admin.command({"ACL", "SETUSER", user, "on", ">" + password, "~*", "&*", "+@all"})
                    .ok());
        QTemporaryDir dir;
        const QString file = test::writeFile(dir.path(), QStringLiteral("redis.pass"), password);
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcessEnvironment environment = scratchEnvironment();
        QString url = test::redisUrl();
        url.replace(QStringLiteral("unix://"),
                    QStringLiteral("unix://") + QString::fromUtf8(user) + QLatin1Char('@'));
        environment.insert(QStringLiteral("PIXELNEST_REDIS"), url);
        CliRun run = runPixelnest(
            {QStringLiteral("stats"), QStringLiteral("--redis-password-file"), file}, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const QString wrong =
            test::writeFile(dir.path(), QStringLiteral("wrong.pass"), password + "x");
        QFile::setPermissions(wrong, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        run = runPixelnest(
            {QStringLiteral("stats"), QStringLiteral("--redis-password-file"), wrong}, environment);
        QCOMPARE(run.exitCode, 5); // the server's refusal
        QVERIFY2(run.err.contains(QStringLiteral("WRONGPASS")), qPrintable(run.err));
        QVERIFY2(!(run.out + run.err).contains(QString::fromUtf8(password.mid(3))),
                 "the password reached the output");
        QVERIFY(admin.command({"ACL", "DELUSER", user}).ok());
    }

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
        CliRun run = runPixelnest(
            {QStringLiteral("local"), QStringLiteral("status"), QStringLiteral("--dir"), dir});
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
        QFile(root.path())
            .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                            QFileDevice::ExeOwner | QFileDevice::ExeOther);
        const QString dir = root.filePath(QStringLiteral("stack"));
        const QStringList up{QStringLiteral("local"), QStringLiteral("up"), QStringLiteral("--dir"),
                             dir};
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
