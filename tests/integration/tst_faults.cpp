// Real-world faults an engine meets in PostgreSQL and Redis, and what it must do with them:
// retry what the database refuses for now, isolate what it refuses for good, keep its leases
// while PostgreSQL blocks, and never let a stale attempt touch a newer one.
#include "enginefixture.h"
#include "model/queuedjob.h"
#include "queue/jobqueue.h"
#include "store/jobstore.h"
#include "store/pgconnection.h"
#include "testimages.h"
#include "teststack.h"
#include "teststages.h"

#include <QTest>
#include <QThread>

using namespace pixelnest;
using namespace pixelnest::engine;
using test::EngineFixture;

namespace
{

// Raises `sqlstate` on the first `times` writes of a result (status leaving `processing`), or
// on every write of a job titled `title` when one is given: a fault injected inside the
// engine's own transaction, as the real ones arrive.
void injectFault(EngineFixture& fixture, const QByteArray& sqlstate, int times,
                 const QByteArray& title = {})
{
    PgConnection db;
    QVERIFY(db.open(fixture.connections().postgres).ok());
    const QByteArray when = title.isEmpty()
                                ? "nextval('test_fault_seq') <= " + QByteArray::number(times)
                                : "NEW.title = '" + title + "' AND NEW.status = 'completed'";
    const QList<QByteArray> statements{
        "CREATE SEQUENCE IF NOT EXISTS test_fault_seq",
        "CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF OLD.status = 'processing' AND NEW.status <> 'processing' AND " +
            when + " THEN RAISE EXCEPTION 'injected fault %', '" + sqlstate +
            "' USING ERRCODE = '" + sqlstate + "'; END IF; RETURN NEW; END $$",
        "DROP TRIGGER IF EXISTS test_fault ON images",
        "CREATE TRIGGER test_fault BEFORE UPDATE ON images FOR EACH ROW EXECUTE FUNCTION "
        "test_fault()"};
    for (const QByteArray& statement : statements) {
        const Result<PgResult> done = db.exec(statement);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().message));
    }
}

// A stage that takes its time, so that leases must be renewed while it runs.
EngineConfig quickExit(const EngineFixture& fixture)
{
    EngineConfig config = fixture.engineConfig();
    config.runtime.exitWhenIdle = true;
    return config;
}

} // namespace

class TestFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transientRefusalsAreRetriedAndNothingIsWasted_data()
    {
        QTest::addColumn<QByteArray>("sqlstate");
        QTest::newRow("deadlock") << QByteArray("40P01");
        QTest::newRow("serialization failure") << QByteArray("40001");
        QTest::newRow("statement timeout") << QByteArray("57014");
        QTest::newRow("lock timeout") << QByteArray("55P03");
        QTest::newRow("read-only after failover") << QByteArray("25006");
        QTest::newRow("disk full") << QByteArray("53100");
    }

    void transientRefusalsAreRetriedAndNothingIsWasted()
    {
        QFETCH(QByteArray, sqlstate);
        EngineFixture fixture;
        fixture.submit(30);
        injectFault(fixture, sqlstate, 3);
        QVERIFY(fixture.startEngine(quickExit(fixture)).wait(60'000));
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), 30);
        // Each job ran once: no batch was dropped and left to come back as a lost lease.
        QCOMPARE(fixture.countWhere(QStringLiteral("attempts <> 1")), 0);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM attempts")), 30);
        // And the faults did happen (the sequence counts every result write that was tried).
        QVERIFY(fixture.scalar(QStringLiteral("SELECT last_value FROM test_fault_seq")) > 30);
    }

    void aRefusedRowFailsAloneWithItsReason()
    {
        EngineFixture fixture;
        fixture.submit(20);
        const QList<qint64> poison =
            fixture.admin()
                .submit({{QStringLiteral("poison"), test::encodedImage(8, 8), 0,
                          QStringLiteral("noop")}})
                ->ids;
        injectFault(fixture, "23514", 0, "poison");
        QVERIFY(fixture.startEngine(quickExit(fixture)).wait(60'000));
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), 20);
        const JobRecord job = fixture.admin().job(poison.first())->job;
        QCOMPARE(job.status, JobStatus::Failed);
        QCOMPARE(job.attempts, 1);
        QVERIFY2(job.error.startsWith(QStringLiteral("PostgreSQL refused to store the result")),
                 qPrintable(job.error));
        QVERIFY2(job.error.contains(QStringLiteral("injected fault 23514")), qPrintable(job.error));
    }

    void leasesOutliveAPostgresqlLockWait()
    {
        // An orphan of a dead engine whose lease runs out while a session holds its row: the
        // reaper waits on that lock. The live engine's own leases (1 s) must be renewed all the
        // same, so none of its jobs is taken back.
        EngineFixture fixture;
        const qint64 orphan = fixture.submit(1).first();
        RedisClient redis(RedisUrl::parse(fixture.connections().redis).value());
        JobQueue queue(redis, fixture.ns());
        PgConnection deadEngine;
        QVERIFY(deadEngine.open(fixture.connections().postgres).ok());
        QCOMPARE(queue.claim(1, 300, "dead:c1", {"noop"}).value(), (QList<qint64>{orphan}));
        QCOMPARE(JobStore(deadEngine).claim({orphan}, QStringLiteral("dead:1")).value().size(), 1);
        const QList<qint64> live = fixture.submit(4, 0, QStringLiteral("slow"));

        PgConnection locker;
        QVERIFY(locker.open(fixture.connections().postgres).ok());
        QVERIFY(locker.begin().ok());
        QVERIFY(locker
                    .exec("SELECT 1 FROM images WHERE id = " + QByteArray::number(orphan) +
                          " FOR UPDATE")
                    .ok());
        EngineConfig config = quickExit(fixture);
        config.runtime.lease = std::chrono::milliseconds(1000);
        config.runtime.workers = 4;
        PipelineRegistry pipelines = PipelineRegistry::builtIn();
        pipelines.add({QStringLiteral("slow"), {std::make_shared<test::SlowStage>(2500)}});
        Engine& engine = fixture.startEngine(config, std::move(pipelines));
        QTest::qWait(4000); // the reaper is stuck on the orphan's row meanwhile
        QVERIFY(locker.commit().ok());
        QVERIFY(engine.wait(60'000));
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), 5);
        QCOMPARE(fixture.scalar(
                     QStringLiteral(
                         "SELECT count(*) FROM attempts WHERE outcome = 'lease_lost' AND image_id "
                         "<> ") +
                     QString::number(orphan)),
                 0);
        QCOMPARE(fixture.countWhere(QStringLiteral("id IN (%1, %2, %3, %4) AND attempts = 1")
                                        .arg(live[0])
                                        .arg(live[1])
                                        .arg(live[2])
                                        .arg(live[3])),
                 4);
    }

    void aStaleAttemptOfTheSameEngineChangesNothing()
    {
        // The same engine held attempt 1, lost the lease, and now holds attempt 2. Attempt 1's
        // late result lands in the same batch as attempt 2's: only attempt 2's counts, images
        // included; attempt 1's lease release (by its token) leaves attempt 2 alone.
        EngineFixture fixture;
        const qint64 id = fixture.submit(1).first();
        PgConnection db;
        QVERIFY(db.open(fixture.connections().postgres).ok());
        JobStore store(db);
        QCOMPARE(store.claim({id}, QStringLiteral("me:1")).value().first().attempt, 1);
        const ExpiredLease first{id, leaseToken("me", 1)};
        QCOMPARE(store.releaseLostLeases({first}, 3).value().size(), 1);
        QCOMPARE(store.claim({id}, QStringLiteral("me:1")).value().first().attempt, 2);
        // The same expiry reported again (a slow reaper): attempt 2 is not released.
        QVERIFY(store.releaseLostLeases({first}, 3).value().isEmpty());
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'processing' AND attempts = 2")), 1);

        JobOutcome stale;
        stale.id = id;
        stale.attempt = 1;
        stale.result = QJsonObject{{QStringLiteral("from"), QStringLiteral("attempt 1")}};
        stale.thumbnail = "stale thumbnail";
        JobOutcome current = stale;
        current.attempt = 2;
        current.result = QJsonObject{{QStringLiteral("from"), QStringLiteral("attempt 2")}};
        current.thumbnail = "current thumbnail";
        QCOMPARE(store.writeOutcomes({current, stale}).value(), (QList<AttemptKey>{{id, 2}}));
        QCOMPARE(fixture.admin().job(id)->job.result.value(QStringLiteral("from")).toString(),
                 QStringLiteral("attempt 2"));
        QCOMPARE(fixture.admin().image(id, "thumbnail").value(), QByteArray("current thumbnail"));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
