// Nothing runs out of time: a job past its timeout is given up on (and its stuck worker makes
// the engine unready), and a stop drains within its deadline even when a task never returns.
#include "enginefixture.h"
#include "pixelnest/enginemetrics.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace pixelnest;
using test::EngineFixture;

namespace
{

// A decoder or model that hangs: returns only after `ms` (so the test can end cleanly).
class HangingStage final : public Stage
{
public:
    explicit HangingStage(int ms) : m_ms(ms) {}
    QString name() const override { return QStringLiteral("hang"); }
    Result<void> process(StageContext&) override
    {
        ++entered;
        QThread::msleep(ulong(m_ms));
        ++left;
        return {};
    }
    std::atomic<int> entered{0};
    std::atomic<int> left{0};

private:
    int m_ms;
};

PipelineRegistry withHang(const std::shared_ptr<HangingStage>& stage)
{
    PipelineRegistry pipelines = PipelineRegistry::builtIn();
    pipelines.add({QStringLiteral("hang"), {stage}});
    return pipelines;
}

} // namespace

class TestDeadlines final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aHungJobTimesOutAndTheRestGoOn()
    {
        EngineFixture fixture;
        const qint64 hung = fixture.submit(1, 10, QStringLiteral("hang")).first();
        auto stage = std::make_shared<HangingStage>(3500);
        EngineConfig config = fixture.engineConfig();
        config.runtime.jobTimeout = std::chrono::seconds(1);
        config.runtime.maxAttempts = 1;
        config.runtime.workers = 2;
        Engine& engine = fixture.startEngine(config, withHang(stage));
        QVERIFY(EngineFixture::waitFor([&] { return stage->entered == 1; }, 10'000));
        fixture.submit(10); // the other worker keeps going meanwhile
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.admin().job(hung)->job.status == JobStatus::Failed; }, 10'000));
        QCOMPARE(fixture.admin().job(hung)->job.error,
                 QStringLiteral("timed out after 1 s (gave up after 1 attempts)"));
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 10; },
            10'000));
        // Stuck past twice its timeout: not fit for more work.
        QVERIFY(EngineFixture::waitFor(
            [&] {
                const Result<void> ready = engine.readiness();
                return !ready && ready.error().message.contains(QStringLiteral("stuck"));
            },
            10'000));
        // The task returns at last: its late result changes nothing, and the engine is ready.
        QVERIFY(EngineFixture::waitFor([&] { return stage->left == 1; }, 10'000));
        QVERIFY(EngineFixture::waitFor([&] { return engine.readiness().ok(); }, 10'000));
        QCOMPARE(fixture.admin().job(hung)->job.status, JobStatus::Failed);
        QVERIFY(EngineFixture::waitFor([&] { return engine.metrics().staleWrites == 1; }, 10'000));
        QCOMPARE(fixture.admin().job(hung)->job.status, JobStatus::Failed); // still
    }

    void aStopDrainsWithinItsDeadline()
    {
        EngineFixture fixture;
        const qint64 id = fixture.submit(1, 0, QStringLiteral("hang")).first();
        auto stage = std::make_shared<HangingStage>(6000);
        EngineConfig config = fixture.engineConfig();
        config.runtime.drain = std::chrono::seconds(1);
        Engine& engine = fixture.startEngine(config, withHang(stage));
        QVERIFY(EngineFixture::waitFor([&] { return stage->entered == 1; }, 10'000));
        QElapsedTimer stopping;
        stopping.start();
        engine.requestStop();
        QVERIFY(engine.wait(5000));
        QVERIFY2(stopping.elapsed() < 4000, qPrintable(QString::number(stopping.elapsed())));
        // Unfinished, and left to the reaper: still processing under a lease nobody renews.
        QCOMPARE(fixture.admin().job(id)->job.status, JobStatus::Processing);
        fixture.stopEngine(); // returns although the task is still inside the stage
        QCOMPARE(stage->left.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeadlines)
#include "tst_deadlines.moc"
