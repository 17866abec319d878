// The engine in this process against the fixture's real servers: order, retries, failures,
// cancel, reprocess, and recovery from a flushed Redis.
#include "enginefixture.h"
#include "pixelnest/enginemetrics.h"
#include "queue/jobqueue.h"
#include "store/pgconnection.h"
#include "testimages.h"
#include "teststack.h"
#include "teststages.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace pixelnest;
using test::AlwaysUnavailableStage;
using test::EngineFixture;

namespace
{

// A stage that holds each job until the test releases it: a job that is "processing" for as
// long as the test needs.
class GateStage final : public Stage
{
public:
    QString name() const override { return QStringLiteral("gate"); }
    Result<void> process(StageContext&) override
    {
        ++entered;
        gate.acquire();
        return {};
    }
    QSemaphore gate;
    std::atomic<int> entered{0};
};

PipelineRegistry withPipeline(const QString& name, StagePtr stage)
{
    PipelineRegistry pipelines = PipelineRegistry::builtIn();
    pipelines.add({name, {std::move(stage)}});
    return pipelines;
}

} // namespace

class TestEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsStrictPriorityOrderThenFifo()
    {
        EngineFixture fixture;
        QList<ImageUpload> uploads;
        const QByteArray image = test::encodedImage(8, 8);
        for (int i = 0; i < 1000; ++i) {
            // Mixed priorities in submission order, several jobs per priority.
            const int priority = (i * 37) % 11 * 100 - 500;
            uploads.append({QString::number(i), image, priority, QStringLiteral("noop")});
        }
        QVERIFY(fixture.admin().submit(uploads).ok());
        EngineConfig options = fixture.engineConfig();
        options.runtime.batchSize = 1; // one claim at a time: the claim order is the run order
        options.runtime.workers = 1;
        options.runtime.exitWhenIdle = true;
        Engine& engine = fixture.startEngine(options);
        QVERIFY(engine.wait(120'000));
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), 1000);
        // Claim order (attempt start) must be priority descending, then id ascending.
        const qint64 inversions = fixture.scalar(QStringLiteral(
            "SELECT count(*) FROM (SELECT i.priority, i.id, lag(i.priority) OVER w AS prev_p, "
            "lag(i.id) OVER w AS prev_id FROM images i JOIN attempts a ON a.image_id = i.id "
            "WINDOW w AS (ORDER BY a.started_at, a.image_id)) t WHERE prev_p < priority OR "
            "(prev_p = priority AND prev_id > id)"));
        QCOMPARE(inversions, 0);
    }

    void transientFailureRetriesWithBackoffThenFails()
    {
        EngineFixture fixture;
        const qint64 id = fixture.submit(1, 0, QStringLiteral("flaky")).first();
        const qint64 good = fixture.submit(1, 0, QStringLiteral("noop")).first();
        EngineConfig options = fixture.engineConfig();
        options.runtime.retryBase = std::chrono::milliseconds(200);
        options.runtime.exitWhenIdle = true;
        fixture
            .startEngine(options, withPipeline(QStringLiteral("flaky"),
                                               std::make_shared<AlwaysUnavailableStage>()))
            .wait(60'000);
        const JobDetail detail = fixture.admin().job(id).value();
        QCOMPARE(detail.job.status, JobStatus::Failed);
        QCOMPARE(detail.job.attempts, 3);
        QCOMPARE(detail.job.error, QStringLiteral("device busy (gave up after 3 attempts)"));
        QCOMPARE(detail.history.size(), 3);
        QCOMPARE(detail.history[0].outcome, QStringLiteral("retry"));
        QCOMPARE(detail.history[1].outcome, QStringLiteral("retry"));
        QCOMPARE(detail.history[2].outcome, QStringLiteral("failed"));
        // Backoff: 200 ms, then 400 ms, between the end of one try and the start of the next.
        const qint64 firstGap = detail.history[0].finishedAt.msecsTo(detail.history[1].startedAt);
        const qint64 secondGap = detail.history[1].finishedAt.msecsTo(detail.history[2].startedAt);
        QVERIFY2(firstGap >= 190, qPrintable(QString::number(firstGap)));
        QVERIFY2(secondGap >= 390, qPrintable(QString::number(secondGap)));
        QCOMPARE(fixture.admin().job(good)->job.status, JobStatus::Completed);
    }

    void badImagesFailAtOnceWithoutHurtingOthers()
    {
        EngineFixture fixture;
        const qint64 truncated =
            fixture.submit(1, 0, QStringLiteral("metadata"), test::corruptPng()).first();
        const qint64 large =
            fixture.submit(1, 0, QStringLiteral("metadata"), test::encodedImage(400, 300)).first();
        const QList<qint64> fine =
            fixture.submit(5, 0, QStringLiteral("metadata"), test::encodedImage(64, 48, "JPEG"));
        const qint64 unknownPipeline = fixture.submit(1, 0, QStringLiteral("nope")).first();
        EngineConfig options = fixture.engineConfig();
        options.limits.maxPixels = 100'000; // the 400×300 one is over the engine's limit
        options.runtime.exitWhenIdle = true;
        fixture.startEngine(options, PipelineRegistry::builtIn(options.limits)).wait(60'000);

        for (qint64 id : {truncated, large}) {
            const JobRecord job = fixture.admin().job(id)->job;
            QCOMPARE(job.status, JobStatus::Failed);
            QCOMPARE(job.attempts, 1); // permanent: not retried
        }
        // A pipeline no engine has waits in its own queue (an engine that has it may come),
        // named by stats; --exit-when-idle only waits for the pipelines it serves.
        QCOMPARE(fixture.admin().job(unknownPipeline)->job.status, JobStatus::Queued);
        QCOMPARE(fixture.admin().stats()->unservedPipelines(), QStringList{QStringLiteral("nope")});
        const QString corruptError = fixture.admin().job(truncated)->job.error;
        QVERIFY2(corruptError.contains(QStringLiteral("could not be decoded")),
                 qPrintable(corruptError));
        QVERIFY(fixture.admin().job(large)->job.error.contains(QStringLiteral("megapixel")));
        for (qint64 id : fine) {
            const JobRecord job = fixture.admin().job(id)->job;
            QCOMPARE(job.status, JobStatus::Completed);
            QCOMPARE(job.result[QStringLiteral("image")][QStringLiteral("width")].toInt(), 64);
            QVERIFY(!fixture.admin().image(id, "thumbnail")->isEmpty());
        }
    }

    void cancelStopsQueuedAndProcessingJobs()
    {
        EngineFixture fixture;
        auto gate = std::make_shared<GateStage>();
        const QList<qint64> ids = fixture.submit(4, 0, QStringLiteral("gated"));
        EngineConfig options = fixture.engineConfig();
        options.runtime.workers = 1;
        options.runtime.batchSize = 1;
        options.runtime.maxInFlight = 1;
        fixture.startEngine(options, withPipeline(QStringLiteral("gated"), gate));
        QVERIFY(EngineFixture::waitFor([&] { return gate->entered == 1; }, 10'000));
        // ids[0] is processing (held by the gate), the others wait.
        const BulkOutcome cancelled = fixture.admin().cancel({ids[0], ids[3]}).value();
        QCOMPARE(cancelled.changed, (QList<qint64>{ids[0], ids[3]}));
        gate->gate.release(10);
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 2; },
            10'000));
        fixture.stopEngine();
        // The processing job's late result was fenced out: it stays cancelled.
        QCOMPARE(fixture.admin().job(ids[0])->job.status, JobStatus::Cancelled);
        QCOMPARE(fixture.admin().job(ids[3])->job.status, JobStatus::Cancelled);
        QCOMPARE(fixture.admin().job(ids[3])->job.attempts, 0); // never started
        QCOMPARE(fixture.admin().job(ids[1])->job.status, JobStatus::Completed);
    }

    // An engine with several workers claims on two lanes (RuntimeConfig::lanes): together they
    // hold no more than --max-in-flight, however their claims interleave.
    void inFlightBoundHoldsAcrossLanes()
    {
        EngineFixture fixture;
        auto gate = std::make_shared<GateStage>();
        fixture.submit(12, 0, QStringLiteral("gated"));
        EngineConfig options = fixture.engineConfig();
        options.runtime.workers = 4;
        options.runtime.batchSize = 2;
        options.runtime.maxInFlight = 3;
        QCOMPARE(options.runtime.lanes(), 2);
        fixture.startEngine(options, withPipeline(QStringLiteral("gated"), gate));
        for (int released = 0; released < 12; ++released) {
            QVERIFY(EngineFixture::waitFor([&] { return gate->entered == qMin(12, released + 3); },
                                           10'000));
            QThread::msleep(150); // room for a lane that would overfill
            QVERIFY2(gate->entered <= released + 3, qPrintable(QString::number(gate->entered)));
            QVERIFY(fixture.countWhere(QStringLiteral("status = 'processing'")) <= 3);
            gate->gate.release(1);
        }
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 12; },
            10'000));
        fixture.stopEngine();
    }

    void reprocessRunsCompletedAndFailedJobsAgain()
    {
        EngineFixture fixture;
        const qint64 done = fixture.submit(1, 0, QStringLiteral("noop")).first();
        const QList<qint64> broken =
            fixture.submit(2, 0, QStringLiteral("metadata"), test::corruptPng());
        EngineConfig options = fixture.engineConfig();
        options.runtime.exitWhenIdle = true;
        fixture.startEngine(options).wait(60'000);
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'failed'")), 2);

        QCOMPARE(fixture.admin().reprocess({done}).value().changed, (QList<qint64>{done}));
        QCOMPARE(fixture.admin().reprocessFailed().value().changed, broken);
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'queued'")), 3);
        fixture.startEngine(options).wait(60'000);
        QCOMPARE(fixture.admin().job(done)->job.status, JobStatus::Completed);
        QCOMPARE(fixture.admin().job(done)->job.attempts, 2);
        // A fresh retry budget per round: failed again, attempt 2, with its own reason.
        const JobDetail again = fixture.admin().job(broken.first()).value();
        QCOMPARE(again.job.status, JobStatus::Failed);
        QCOMPARE(again.history.size(), 2);
    }

    void reconcilerRestoresAFlushedQueue()
    {
        EngineFixture fixture;
        const QList<qint64> ids = fixture.submit(300, 0, QStringLiteral("noop"));
        // Redis loses everything (FLUSHALL of this namespace's keys) before any engine ran.
        {
            engine::RedisClient redis(engine::RedisUrl::parse(test::redisUrl()).value());
            const QByteArray pattern = "{" + fixture.ns().toUtf8() + "}:*";
            const Result<engine::RedisReply> keys = redis.command({"KEYS", pattern});
            QVERIFY(keys.ok());
            for (const engine::RedisReply& key : keys->elements) {
                QVERIFY(redis.command({"DEL", key.string}).ok());
            }
        }
        EngineConfig options = fixture.engineConfig();
        options.runtime.reconcileGrace = std::chrono::milliseconds(200);
        options.runtime.exitWhenIdle = true;
        Engine& engine = fixture.startEngine(options);
        QVERIFY(engine.wait(60'000));
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), ids.size());
    }

    void heartbeatAndMetricsDescribeTheEngine()
    {
        EngineFixture fixture;
        fixture.submit(20, 0, QStringLiteral("noop"));
        Engine& engine = fixture.startEngine(fixture.engineConfig());
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 20; },
            20'000));
        QVERIFY(EngineFixture::waitFor([&] { return fixture.admin().stats()->workers.size() == 1; },
                                       5000));
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.admin().stats()->workers.first().processed == 20; }, 5000));
        const WorkerInfo worker = fixture.admin().stats()->workers.first();
        QCOMPARE(worker.host + QLatin1Char(':') + QString::number(worker.pid), engine.workerName());
        QVERIFY(worker.lastSeenMsAgo < 5000);
        QVERIFY(engine.readiness().ok());
        const QByteArray text = engine.metrics().prometheusText();
        QVERIFY(text.contains("pixelnest_jobs_total{outcome=\"completed\"} 20"));
        QVERIFY(text.contains("pixelnest_job_duration_seconds_count 20"));
        QVERIFY(text.contains("pixelnest_stage_duration_seconds_count{stage=\"bytes\"} 20"));
        QVERIFY(text.contains("pixelnest_batch_size_bucket"));
        // An empty band is exported as 0, not left out: alerts on it need the series.
        QVERIFY2(text.contains("pixelnest_queue_depth{priority=\"0\"} 0"), text.constData());
        QVERIFY(text.contains("# TYPE pixelnest_process_resident_memory_bytes gauge"));
        QVERIFY(engine.metrics().residentBytes.load() > 10'000'000);
        QVERIFY(!text.contains("pixelnest_device_memory_used_bytes")); // no GPU here
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
