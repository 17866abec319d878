// Retention and delete against real servers: `pixelnest purge` in pages (dry run, statuses,
// what goes with a job, the audit trail, disk space after VACUUM FULL), beside a busy engine;
// the automatic retention the engines apply; deleting jobs in any state.
#include "cliprocess.h"
#include "enginefixture.h"
#include "store/pgconnection.h"
#include "testimages.h"
#include "teststack.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pixelnest;
using test::CliRun;
using test::EngineFixture;

namespace
{

CliRun cli(const EngineFixture& fixture, const QStringList& arguments)
{
    QProcessEnvironment environment =
        test::environmentFor(fixture.connections().postgres, fixture.connections().redis);
    environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), fixture.ns());
    return test::runPixelnest(arguments, environment);
}

QJsonObject json(const CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

// Runs every queued job to the end with an engine that stops when idle.
void processAll(EngineFixture& fixture)
{
    EngineConfig options = fixture.engineConfig();
    options.runtime.exitWhenIdle = true;
    QVERIFY(fixture.startEngine(options).wait(120'000));
}

// Makes the jobs up to `lastId` look finished `days` ago.
void age(EngineFixture& fixture, qint64 lastId, int days)
{
    QVERIFY(fixture.scalar(QStringLiteral("WITH aged AS (UPDATE images SET finished_at = now() - "
                                          "interval '%1 days' WHERE id <= %2 RETURNING 1) "
                                          "SELECT count(*) FROM aged")
                               .arg(days)
                               .arg(lastId)) > 0);
}

} // namespace

class TestRetention final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void purgeDeletesOldFinishedJobsInPages()
    {
        EngineFixture fixture;
        const QList<qint64> ids = fixture.submit(1200);
        processAll(fixture);
        age(fixture, ids[1099], 40);

        const CliRun preview =
            cli(fixture,
                {QStringLiteral("purge"), QStringLiteral("--older-than"), QStringLiteral("30d"),
                 QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(preview.exitCode == 0, qPrintable(preview.err));
        QCOMPARE(json(preview).value(QStringLiteral("matched")).toInt(), 1100);
        QCOMPARE(json(preview).value(QStringLiteral("changed")).toInt(), 0);
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), 1200);

        // Another status than theirs: nothing goes. Unfinished statuses are refused.
        QCOMPARE(json(cli(fixture, {QStringLiteral("purge"), QStringLiteral("--older-than"),
                                    QStringLiteral("30d"), QStringLiteral("--status"),
                                    QStringLiteral("failed,cancelled"), QStringLiteral("--json")}))
                     .value(QStringLiteral("changed"))
                     .toInt(),
                 0);
        const CliRun queued = cli(fixture, {QStringLiteral("purge"), QStringLiteral("--older-than"),
                                            QStringLiteral("30d"), QStringLiteral("--status"),
                                            QStringLiteral("queued")});
        QCOMPARE(queued.exitCode, 2);
        QVERIFY(queued.err.contains(QStringLiteral("completed, failed or cancelled")));

        const CliRun purged = cli(fixture, {QStringLiteral("purge"), QStringLiteral("--older-than"),
                                            QStringLiteral("30d"), QStringLiteral("--json")});
        QVERIFY2(purged.exitCode == 0, qPrintable(purged.err));
        QCOMPARE(json(purged).value(QStringLiteral("matched")).toInt(), 1100);
        QCOMPARE(json(purged).value(QStringLiteral("changed")).toInt(), 1100);
        QVERIFY(json(purged).value(QStringLiteral("bytes")).toDouble() > 0);
        // The rows, their bytes and their attempts went together; the recent ones stay.
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), 100);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM image_data")), 100);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM attempts")), 100);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT min(id) FROM images")), ids[1100]);
        // In pages of 500, each audited in its own transaction with the filter.
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                               "'purge'")),
                 3);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT sum(count) FROM audit_log WHERE action = "
                                               "'purge'")),
                 1100);
        // The counts per status follow deletes too.
        QCOMPARE(fixture.admin().stats()->counts.value(JobStatus::Completed), 100);
    }

    void purgeGivesTheSpaceBackAfterVacuumFull()
    {
        EngineFixture fixture;
        const QByteArray large = test::encodedImage(700, 500);
        const QList<qint64> ids = fixture.submit(40, 0, QStringLiteral("noop"), large);
        processAll(fixture);
        age(fixture, ids.last(), 400);
        const qint64 before =
            fixture.scalar(QStringLiteral("SELECT pg_total_relation_size('image_data')"));
        const CliRun purged = cli(fixture, {QStringLiteral("purge"), QStringLiteral("--older-than"),
                                            QStringLiteral("365d"), QStringLiteral("--json")});
        QVERIFY2(purged.exitCode == 0, qPrintable(purged.err));
        const qint64 bytes = qint64(json(purged).value(QStringLiteral("bytes")).toDouble());
        QCOMPARE(bytes, qint64(large.size()) * 40);
        // Deleted tuples keep their pages until VACUUM FULL rewrites the table (README).
        const qint64 afterDelete =
            fixture.scalar(QStringLiteral("SELECT pg_total_relation_size('image_data')"));
        engine::PgConnection owner;
        QVERIFY(owner.open(fixture.connections().postgres));
        QVERIFY(owner.exec("VACUUM FULL image_data"));
        const qint64 afterVacuum =
            fixture.scalar(QStringLiteral("SELECT pg_total_relation_size('image_data')"));
        qInfo() << "image_data bytes: before" << before << "after delete" << afterDelete
                << "after VACUUM FULL" << afterVacuum << "images held" << bytes;
        QVERIFY(afterDelete >= before / 2); // the space is not returned by DELETE
        QVERIFY2(before - afterVacuum >= bytes * 9 / 10, "VACUUM FULL returns the space");
    }

    void purgeDoesNotStallABusyEngine()
    {
        EngineFixture fixture;
        const QList<qint64> old = fixture.submit(1500);
        processAll(fixture);
        age(fixture, old.last(), 40);
        fixture.submit(1500);
        fixture.startEngine(fixture.engineConfig()); // works through the new jobs meanwhile
        const CliRun purged = cli(fixture, {QStringLiteral("purge"), QStringLiteral("--older-than"),
                                            QStringLiteral("30d"), QStringLiteral("--json")});
        QVERIFY2(purged.exitCode == 0, qPrintable(purged.err));
        QCOMPARE(json(purged).value(QStringLiteral("changed")).toInt(), 1500);
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 1500; },
            60'000));
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), 1500);
    }

    void enginesApplyTheRetentionPolicy()
    {
        EngineFixture fixture;
        const QList<qint64> ids = fixture.submit(30);
        processAll(fixture);
        age(fixture, ids[19], 10);
        const CliRun none = cli(fixture, {QStringLiteral("retention"), QStringLiteral("--json")});
        QVERIFY2(none.exitCode == 0, qPrintable(none.err));
        QCOMPARE(json(none).value(QStringLiteral("enabled")).toBool(), false);
        const CliRun set = cli(fixture, {QStringLiteral("retention"), QStringLiteral("7d"),
                                         QStringLiteral("--status"), QStringLiteral("completed"),
                                         QStringLiteral("--json")});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QCOMPARE(json(set).value(QStringLiteral("older_than_s")).toInt(), 7 * 86'400);
        fixture.startEngine(fixture.engineConfig());
        // The maintenance lock holder applies it soon after start, then every minute.
        QVERIFY(fixture.waitFor([&] { return fixture.countWhere(QStringLiteral("true")) == 10; },
                                15'000));
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT min(id) FROM images")), ids[20]);
        QCOMPARE(json(cli(fixture, {QStringLiteral("retention"), QStringLiteral("off"),
                                    QStringLiteral("--json")}))
                     .value(QStringLiteral("enabled"))
                     .toBool(),
                 false);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                               "'retention'")),
                 2);
    }

    void deleteRemovesJobsInAnyState()
    {
        EngineFixture fixture;
        const QList<qint64> queued = fixture.submit(3);
        const Result<BulkOutcome> deleted =
            fixture.admin().deleteJobs({queued[0], queued[1], 999'999});
        QVERIFY(deleted.ok());
        QCOMPARE(deleted->changed, (QList<qint64>{queued[0], queued[1]}));
        QCOMPARE(deleted->missing, (QList<qint64>{999'999}));
        // Gone from the queue too: an engine runs only the one left.
        processAll(fixture);
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), 1);
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), 1);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                               "'delete'")),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
