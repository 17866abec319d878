// Operators' control of dispatch against real servers: pause and resume (everything or one
// pipeline), engines serving only some pipelines (--pipelines), one engine paused or drained
// (a headless one exits 0), "retry now", the workers' health, and the CLI's JSON for each.
#include "cliprocess.h"
#include "enginefixture.h"
#include "testimages.h"
#include "teststack.h"
#include "teststages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>

using namespace pixelnest;
using test::AlwaysUnavailableStage;
using test::CliRun;
using test::EngineFixture;

namespace
{

QProcessEnvironment cliEnvironment(const EngineFixture& fixture)
{
    QProcessEnvironment environment =
        test::environmentFor(fixture.connections().postgres, fixture.connections().redis);
    environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), fixture.ns());
    return environment;
}

CliRun cli(const EngineFixture& fixture, const QStringList& arguments)
{
    return test::runPixelnest(arguments, cliEnvironment(fixture));
}

// The one live engine's state, as `workers` reports it ("" while there is none).
QString stateOfOnlyEngine(EngineFixture& fixture)
{
    const Result<QList<WorkerInfo>> workers = fixture.admin().workers();
    return workers && workers->size() == 1 ? workers->first().state : QString();
}

} // namespace

class TestDispatchControl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pauseStopsClaimsUntilResumed()
    {
        EngineFixture fixture;
        fixture.startEngine(fixture.engineConfig());
        QVERIFY(fixture.waitFor([&] { return stateOfOnlyEngine(fixture) == "running"; }, 10'000));
        const CliRun paused = cli(fixture, {QStringLiteral("pause"), QStringLiteral("--json")});
        QVERIFY2(paused.exitCode == 0, qPrintable(paused.err));
        QCOMPARE(QJsonDocument::fromJson(paused.out.toUtf8()).object(),
                 (QJsonObject{{QStringLiteral("changed"), QJsonArray{QStringLiteral("*")}},
                              {QStringLiteral("skipped"), QJsonArray()}}));
        // The engine says so with its next heartbeats (within a second).
        QVERIFY(fixture.waitFor([&] { return stateOfOnlyEngine(fixture) == "paused"; }, 2000));
        fixture.submit(20);
        QTest::qWait(1500);
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'queued'")), 20);
        const QJsonObject stats =
            QJsonDocument::fromJson(
                cli(fixture, {QStringLiteral("stats"), QStringLiteral("--json")}).out.toUtf8())
                .object();
        QCOMPARE(stats.value(QStringLiteral("paused")).toArray(), QJsonArray{QStringLiteral("*")});
        const QJsonObject noop = stats.value(QStringLiteral("pipelines"))
                                     .toObject()
                                     .value(QStringLiteral("noop"))
                                     .toObject();
        QCOMPARE(noop.value(QStringLiteral("waiting")).toInt(), 20);
        QCOMPARE(noop.value(QStringLiteral("paused")).toBool(), true);
        QCOMPARE(noop.value(QStringLiteral("engines")).toInt(), 1);

        QCOMPARE(cli(fixture, {QStringLiteral("resume")}).exitCode, 0);
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 20; },
            10'000));
        QVERIFY(fixture.waitFor([&] { return stateOfOnlyEngine(fixture) == "running"; }, 2000));
        // Both changes are in the audit trail.
        AuditQuery query;
        const QList<AuditEntry> trail = fixture.admin().audit(query).value();
        QStringList actions;
        for (const AuditEntry& entry : trail) {
            actions.append(entry.action);
        }
        QVERIFY2(actions.contains(QStringLiteral("pause")) &&
                     actions.contains(QStringLiteral("resume")),
                 qPrintable(actions.join(QLatin1Char(','))));
    }

    void pausingOnePipelineLeavesTheOthersRunning()
    {
        EngineFixture fixture;
        fixture.startEngine(fixture.engineConfig());
        QVERIFY(fixture.admin().pause(QStringLiteral("metadata")).ok());
        const QList<qint64> metadata = fixture.submit(5, 0, QStringLiteral("metadata"));
        fixture.submit(5, 0, QStringLiteral("noop"));
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 5; },
            10'000));
        QTest::qWait(500);
        QCOMPARE(fixture.countWhere(QStringLiteral("pipeline = 'metadata' AND status = 'queued'")),
                 5);
        QCOMPARE(fixture.admin().stats().value().paused, QStringList{QStringLiteral("metadata")});
        // Paused, not every pipeline it serves: the engine still runs.
        QCOMPARE(stateOfOnlyEngine(fixture), QStringLiteral("running"));
        QCOMPARE(cli(fixture, {QStringLiteral("resume"), QStringLiteral("--pipeline"),
                               QStringLiteral("metadata")})
                     .exitCode,
                 0);
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 10; },
            10'000));
    }

    void anEngineClaimsOnlyItsPipelines()
    {
        EngineFixture fixture;
        EngineConfig config = fixture.engineConfig();
        config.runtime.pipelines = {QStringLiteral("noop")};
        fixture.startEngine(config);
        fixture.submit(4, 0, QStringLiteral("metadata"));
        fixture.submit(4, 0, QStringLiteral("noop"));
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 4; },
            10'000));
        QTest::qWait(500);
        QCOMPARE(fixture.countWhere(QStringLiteral("pipeline = 'metadata' AND status = 'queued'")),
                 4);
        const QueueStats stats = fixture.admin().stats().value();
        QCOMPARE(stats.unservedPipelines(), QStringList{QStringLiteral("metadata")});
        QCOMPARE(stats.workers.first().pipelines, QStringList{QStringLiteral("noop")});
        const QJsonObject json = toJson(stats);
        QCOMPARE(json.value(QStringLiteral("pipelines"))
                     .toObject()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("engines"))
                     .toInt(),
                 0);

        // A pipeline the engine does not have is refused at start, by name.
        config.runtime.pipelines = {QStringLiteral("nosuch")};
        Engine engine(fixture.connections(), config, PipelineRegistry::builtIn());
        const Result<void> started = engine.start();
        QVERIFY(!started);
        QVERIFY2(started.error().message.contains(QStringLiteral("'nosuch'")),
                 qPrintable(started.error().message));
    }

    void workersReportTheirHealth()
    {
        EngineFixture fixture;
        fixture.startEngine(fixture.engineConfig());
        QVERIFY(fixture.waitFor([&] { return stateOfOnlyEngine(fixture) == "running"; }, 10'000));
        QTest::qWait(500); // a second beat: CPU % is measured between two
        const CliRun run = cli(fixture, {QStringLiteral("workers"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray workers = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(workers.size(), 1);
        const QJsonObject worker = workers.first().toObject();
        for (const char* key :
             {"id", "host", "pid", "version", "device", "load", "rss_bytes", "cpu_percent",
              "gpu_memory_used_bytes", "gpu_memory_total_bytes", "in_flight", "processed", "failed",
              "uptime_s", "pipelines", "state", "last_seen_ms_ago"}) {
            QVERIFY2(worker.contains(QLatin1String(key)), key);
        }
        QCOMPARE(worker.value(QStringLiteral("pid")).toInteger(),
                 QCoreApplication::applicationPid());
        QVERIFY(worker.value(QStringLiteral("rss_bytes")).toDouble() > 10e6);
        QVERIFY(worker.value(QStringLiteral("cpu_percent")).toDouble() >= 0);
        QVERIFY(worker.value(QStringLiteral("gpu_memory_used_bytes")).isNull()); // CPU engine
        QCOMPARE(worker.value(QStringLiteral("pipelines")).toArray().size(), 3);
        // Staleness from the key's TTL (beats every 200 ms here): never more than a few beats.
        QVERIFY(worker.value(QStringLiteral("last_seen_ms_ago")).toInteger() < 2000);
        const CliRun table = cli(fixture, {QStringLiteral("workers")});
        QVERIFY(table.out.contains(QStringLiteral("STATE")));
        QVERIFY(table.out.contains(QStringLiteral("running")));

        // A dead engine leaves the list when its key expires, without comparing clocks.
        fixture.stopEngine();
        QVERIFY(
            fixture.waitFor([&] { return fixture.admin().workers().value().isEmpty(); }, 10'000));
        QVERIFY(!fixture.admin().stats().value().workers.isEmpty()); // kept, as gone
        QCOMPARE(fixture.admin().stats().value().workers.first().state, QStringLiteral("gone"));
    }

    void oneEngineCanBePausedAndResumed()
    {
        EngineFixture fixture;
        fixture.startEngine(fixture.engineConfig());
        QVERIFY(fixture.waitFor([&] { return stateOfOnlyEngine(fixture) == "running"; }, 10'000));
        const QString worker = fixture.admin().workers().value().first().id;
        const CliRun paused = cli(fixture, {QStringLiteral("pause"), QStringLiteral("--worker"),
                                            worker, QStringLiteral("--json")});
        QVERIFY2(paused.exitCode == 0, qPrintable(paused.err));
        QCOMPARE(QJsonDocument::fromJson(paused.out.toUtf8())
                     .object()
                     .value(QStringLiteral("changed"))
                     .toArray(),
                 QJsonArray{worker});
        QVERIFY(fixture.waitFor([&] { return stateOfOnlyEngine(fixture) == "paused"; }, 2000));
        fixture.submit(5);
        QTest::qWait(1000);
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'queued'")), 5);
        QCOMPARE(
            cli(fixture, {QStringLiteral("resume"), QStringLiteral("--worker"), worker}).exitCode,
            0);
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 5; },
            10'000));

        // A name no live engine has changes nothing and says so (exit 4).
        const CliRun unknown = cli(fixture, {QStringLiteral("drain"), QStringLiteral("nohost:1"),
                                             QStringLiteral("--json")});
        QCOMPARE(unknown.exitCode, 4);
        QVERIFY(unknown.err.contains(QStringLiteral("no live engine is named nohost:1")));
        QCOMPARE(QJsonDocument::fromJson(unknown.out.toUtf8())
                     .object()
                     .value(QStringLiteral("skipped"))
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(
            cli(fixture, {QStringLiteral("pause"), QStringLiteral("--worker"), QStringLiteral("a"),
                          QStringLiteral("--pipeline"), QStringLiteral("b")})
                .exitCode,
            2);
    }

    void aDrainedHeadlessEngineFinishesAndExitsZero()
    {
        EngineFixture fixture;
        QProcess engine;
        engine.setProcessEnvironment(cliEnvironment(fixture));
        engine.setProcessChannelMode(QProcess::MergedChannels);
        engine.start(test::pixelnestBinary(),
                     {QStringLiteral("--engine-only"), QStringLiteral("--pipelines"),
                      QStringLiteral("noop,metadata")});
        QVERIFY(engine.waitForStarted());
        QVERIFY(fixture.waitFor([&] { return !stateOfOnlyEngine(fixture).isEmpty(); }, 20'000));
        const WorkerInfo info = fixture.admin().workers().value().first();
        QCOMPARE(info.pipelines, (QStringList{QStringLiteral("noop"), QStringLiteral("metadata")}));
        fixture.submit(10);
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 10; },
            20'000));
        // By host:pid, as the jobs' worker column shows it.
        const QString byName = QStringLiteral("%1:%2").arg(info.host).arg(info.pid);
        const CliRun drained = cli(fixture, {QStringLiteral("drain"), byName});
        QVERIFY2(drained.exitCode == 0, qPrintable(drained.err));
        QVERIFY2(engine.waitForFinished(10'000), "the drained engine must exit by itself");
        QCOMPARE(engine.exitStatus(), QProcess::NormalExit);
        QCOMPARE(engine.exitCode(), 0);
        const QString log = QString::fromUtf8(engine.readAll());
        QVERIFY2(log.contains(QStringLiteral("drain requested by an operator")), qPrintable(log));
    }

    void aScheduledJobStartsAtItsTime()
    {
        EngineFixture fixture;
        fixture.startEngine(fixture.engineConfig());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("later.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(test::encodedImage(16, 16));
        file.close();
        const CliRun submitted =
            cli(fixture,
                {QStringLiteral("submit"), QStringLiteral("--pipeline"), QStringLiteral("noop"),
                 QStringLiteral("--in"), QStringLiteral("3s"), QStringLiteral("--expires-in"),
                 QStringLiteral("1h"), QStringLiteral("--json"), path});
        QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.err));
        const CliRun listed = cli(fixture, {QStringLiteral("jobs")});
        QVERIFY2(listed.out.contains(QStringLiteral("scheduled")), qPrintable(listed.out));
        const QJsonObject job =
            QJsonDocument::fromJson(
                cli(fixture, {QStringLiteral("jobs"), QStringLiteral("--json")}).out.toUtf8())
                .array()
                .first()
                .toObject();
        QVERIFY(!job.value(QStringLiteral("not_before")).isNull());
        QVERIFY(!job.value(QStringLiteral("expires_at")).isNull());
        QTest::qWait(1500);
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'queued'")), 1);
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 1; },
            10'000));
        // It started at its time, not before (the server's clock decides, to the millisecond).
        QCOMPARE(fixture.scalar(
                     QStringLiteral("SELECT count(*) FROM images WHERE started_at >= created_at + "
                                    "interval '2900 milliseconds'")),
                 1);
        QCOMPARE(
            cli(fixture, {QStringLiteral("submit"), QStringLiteral("--in"), QStringLiteral("1s"),
                          QStringLiteral("--at"), QStringLiteral("2030-01-01T00:00:00Z"), path})
                .exitCode,
            2);
    }

    void aJobNotStartedBeforeItsExpiryIsCancelled()
    {
        EngineFixture fixture;
        fixture.startEngine(fixture.engineConfig());
        QVERIFY(fixture.admin().pause(QStringLiteral("noop")).ok()); // nothing may start it
        ImageUpload upload{QStringLiteral("short-lived"), test::encodedImage(16, 16), 0,
                           QStringLiteral("noop")};
        upload.expiresAt = QDateTime::currentDateTimeUtc().addMSecs(800);
        const qint64 id = fixture.admin().submit({upload}).value().ids.first();
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'cancelled'")) == 1; },
            10'000));
        const JobRecord job = fixture.admin().job(id).value().job;
        QCOMPARE(job.error, QStringLiteral("expired before it started"));
        QCOMPARE(job.attempts, 0);
        // Gone from the queue too: resuming runs nothing.
        QVERIFY(fixture.admin().resume(QStringLiteral("noop")).ok());
        QTest::qWait(500);
        QCOMPARE(fixture.admin().stats()->readyByPipeline.value(QStringLiteral("noop")), 0);
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'cancelled'")), 1);
    }

    void aRateLimitHoldsForEveryEngineTogether()
    {
        EngineFixture fixture;
        const CliRun limited = cli(fixture, {QStringLiteral("limit"), QStringLiteral("noop"),
                                             QStringLiteral("20/s"), QStringLiteral("--json")});
        QVERIFY2(limited.exitCode == 0, qPrintable(limited.err));
        fixture.submit(70);
        // Two engines draw on one bucket.
        fixture.startEngine(fixture.engineConfig());
        Engine second(fixture.connections(), fixture.engineConfig(), PipelineRegistry::builtIn());
        QVERIFY(second.start().ok());
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 70; },
            30'000));
        second.requestStop();
        second.wait();
        // 70 jobs at 20/s with a full bucket of 20 at the start: at least 2.5 s from the first
        // start to the last, whatever the two engines could do alone.
        const qint64 spanMs = fixture.scalar(QStringLiteral(
            "SELECT (extract(epoch FROM max(started_at) - min(started_at)) * 1000)::bigint "
            "FROM images"));
        qInfo() << "70 jobs at 20/s over two engines took" << spanMs << "ms";
        QVERIFY2(spanMs >= 2300 && spanMs <= 15'000, qPrintable(QString::number(spanMs)));
        const QJsonObject stats = toJson(fixture.admin().stats().value());
        QCOMPARE(stats.value(QStringLiteral("pipelines"))
                     .toObject()
                     .value(QStringLiteral("noop"))
                     .toObject()
                     .value(QStringLiteral("rate_limit"))
                     .toDouble(),
                 20.0);
        QCOMPARE(
            cli(fixture, {QStringLiteral("limit"), QStringLiteral("noop"), QStringLiteral("off")})
                .exitCode,
            0);
        QVERIFY(fixture.admin().stats()->rateLimits.isEmpty());
        QCOMPARE(
            cli(fixture, {QStringLiteral("limit"), QStringLiteral("noop"), QStringLiteral("fast")})
                .exitCode,
            2);
    }

    void retryNowEndsABackoff()
    {
        EngineFixture fixture;
        EngineConfig config = fixture.engineConfig();
        config.runtime.retryBase = std::chrono::minutes(10); // the backoff would outlast the test
        config.runtime.maxAttempts = 2;
        PipelineRegistry pipelines = PipelineRegistry::builtIn();
        pipelines.add({QStringLiteral("flaky"), {std::make_shared<AlwaysUnavailableStage>()}});
        fixture.startEngine(config, pipelines);
        const qint64 id = fixture.submit(1, 0, QStringLiteral("flaky")).first();
        const QString where = QStringLiteral("id = %1 AND ").arg(id);
        QVERIFY(fixture.waitFor(
            [&] {
                return fixture.countWhere(where + QStringLiteral("status = 'queued' AND "
                                                                 "not_before > now()")) == 1;
            },
            10'000));
        const CliRun retried =
            cli(fixture, {QStringLiteral("retry"), QString::number(id), QStringLiteral("--json")});
        QVERIFY2(retried.exitCode == 0, qPrintable(retried.err));
        QCOMPARE(QJsonDocument::fromJson(retried.out.toUtf8())
                     .object()
                     .value(QStringLiteral("changed"))
                     .toArray(),
                 QJsonArray{id});
        // The second (last) attempt runs at once instead of in ten minutes, and fails for good.
        QVERIFY(fixture.waitFor(
            [&] { return fixture.countWhere(where + QStringLiteral("status = 'failed'")) == 1; },
            10'000));
        // A job not waiting out a backoff is left alone, and said so (exit 4).
        const CliRun again = cli(fixture, {QStringLiteral("retry"), QString::number(id)});
        QCOMPARE(again.exitCode, 4);
        QVERIFY(again.err.contains(QStringLiteral("is not waiting out a retry's backoff")));
    }
};

QTEST_GUILESS_MAIN(TestDispatchControl)
#include "tst_dispatchcontrol.moc"
