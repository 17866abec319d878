// Every documented engine option, through the real command line: each one changes what the
// running engine does (or reports, in its heartbeat, that it runs with), a bad value is refused
// with one line naming it, and the console's in-process engine gets the same settings.
#include "cliprocess.h"
#include "enginefixture.h"
#include "testimages.h"
#include "teststack.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace pixelnest;
using test::CliRun;
using test::EngineFixture;

namespace
{

std::unique_ptr<QProcess> startPixelnest(const EngineFixture& fixture, const QStringList& arguments,
                                         QProcessEnvironment environment = {})
{
    if (environment.isEmpty()) {
        environment =
            test::environmentFor(fixture.connections().postgres, fixture.connections().redis);
    }
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->start(test::pixelnestBinary(),
                   QStringList{QStringLiteral("--namespace"), fixture.ns()} + arguments);
    if (!process->waitForStarted()) {
        qFatal("pixelnest did not start");
    }
    return process;
}

// The first live engine's heartbeat: what it says it runs with.
QJsonObject heartbeat(EngineFixture& fixture)
{
    QJsonObject found;
    EngineFixture::waitFor(
        [&] {
            const Result<QueueStats> stats = fixture.admin().stats();
            if (stats && !stats->workers.isEmpty()) {
                found = stats->workers.first().raw;
            }
            return !found.isEmpty();
        },
        60'000);
    return found;
}

void stop(QProcess& process)
{
    process.terminate();
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
    }
}

} // namespace

class TestEngineOptions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyBadValueIsNamedOnceAndNothingStarts()
    {
        QTemporaryDir dir;
        const QString configFile = test::writeFile(dir.path(), QStringLiteral("pixelnest.conf"),
                                                   "[engine]\nmax-attempts=0\n");
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PIXELNEST_LEASE_SECONDS"), QStringLiteral("soon"));
        const CliRun run = test::runPixelnest(
            {QStringLiteral("--engine-only"), QStringLiteral("--config"), configFile,
             QStringLiteral("--workers"), QStringLiteral("0"), QStringLiteral("--batch-size"),
             QStringLiteral("x"), QStringLiteral("--device"), QStringLiteral("gpu"),
             QStringLiteral("--max-batch-delay-ms"), QStringLiteral("-1")},
            environment, 30'000);
        QCOMPARE(run.exitCode, 2);
        const QStringList lines = run.err.trimmed().split(QLatin1Char('\n'));
        for (const char* option : {"--workers", "--batch-size", "--device", "--max-batch-delay-ms",
                                   "--lease-seconds", "--max-attempts"}) {
            QCOMPARE(lines.filter(QLatin1String(option)).size(), 1);
        }
        QVERIFY2(lines.filter(QStringLiteral("'soon'")).size() == 1, qPrintable(run.err));
    }

    void maxAttemptsMakesTheNthTransientFailureFinal()
    {
        // No model in the repository: the `default` pipeline's model stages are unavailable,
        // a transient failure that is retried until the engine's limit.
        EngineFixture fixture;
        QTemporaryDir emptyRepository;
        for (const int limit : {1, 2}) {
            const qint64 id =
                fixture.submit(1, 0, QStringLiteral("default"), test::encodedImage(64, 48)).first();
            auto engine = startPixelnest(
                fixture, {QStringLiteral("--engine-only"), QStringLiteral("--models"),
                          emptyRepository.path(), QStringLiteral("--max-attempts"),
                          QString::number(limit), QStringLiteral("--exit-when-idle")});
            QVERIFY(engine->waitForFinished(90'000));
            QCOMPARE(engine->exitCode(), 0);
            const JobDetail detail = fixture.admin().job(id).value();
            QCOMPARE(detail.job.status, JobStatus::Failed);
            QCOMPARE(detail.job.attempts, limit);
            QVERIFY2(
                detail.job.error.contains(QStringLiteral("gave up after %1 attempts").arg(limit)),
                qPrintable(detail.job.error));
        }
    }

    void flagsEnvironmentAndConfigFileReachTheEngine()
    {
        EngineFixture fixture;
        QTemporaryDir dir;
        // Precedence: the flag beats the environment, which beats the file.
        const QString configFile =
            test::writeFile(dir.path(), QStringLiteral("pixelnest.conf"),
                            "[engine]\nbatch-size=6\nmax-attempts=9\nworkers=7\n");
        QProcessEnvironment environment =
            test::environmentFor(fixture.connections().postgres, fixture.connections().redis);
        environment.insert(QStringLiteral("PIXELNEST_MAX_ATTEMPTS"), QStringLiteral("5"));
        environment.insert(QStringLiteral("PIXELNEST_WORKERS"), QStringLiteral("3"));
        auto engine =
            startPixelnest(fixture,
                           {QStringLiteral("--engine-only"), QStringLiteral("--config"), configFile,
                            QStringLiteral("--max-attempts"), QStringLiteral("2"),
                            QStringLiteral("--lease-seconds"), QStringLiteral("7"),
                            QStringLiteral("--max-batch-delay-ms"), QStringLiteral("9"),
                            QStringLiteral("--device"), QStringLiteral("cpu")},
                           environment);
        const QJsonObject beat = heartbeat(fixture);
        stop(*engine);
        QCOMPARE(beat.value(QStringLiteral("max_attempts")).toInt(), 2); // flag
        QCOMPARE(beat.value(QStringLiteral("workers")).toInt(), 3);      // environment
        QCOMPARE(beat.value(QStringLiteral("batch_size")).toInt(), 6);   // config file
        QCOMPARE(beat.value(QStringLiteral("lease_ms")).toInt(), 7000);
        QCOMPARE(beat.value(QStringLiteral("max_batch_delay_ms")).toInt(), 9);
        QCOMPARE(beat.value(QStringLiteral("device")).toString(), QStringLiteral("cpu"));
        // What engines sharing a namespace must agree on, with the models' versions, and its
        // fingerprint (the console marks an engine whose fingerprint differs).
        const QJsonObject settings = beat.value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("max_attempts")).toInt(), 2);
        QVERIFY(settings.value(QStringLiteral("model_versions"))
                    .toObject()
                    .contains(QStringLiteral("face_detector")));
        QCOMPARE(beat.value(QStringLiteral("settings_fingerprint")).toString().size(), 12);
    }

    void consoleEngineGetsTheSameSettings()
    {
        // The console's in-process engine used to ignore the batching settings.
        EngineFixture fixture;
        QTemporaryDir home;
        QProcessEnvironment environment =
            test::environmentFor(fixture.connections().postgres, fixture.connections().redis);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        auto console = startPixelnest(fixture,
                                      {QStringLiteral("--max-batch-delay-ms"), QStringLiteral("11"),
                                       QStringLiteral("--max-attempts"), QStringLiteral("4"),
                                       QStringLiteral("--workers"), QStringLiteral("2")},
                                      environment);
        const QJsonObject beat = heartbeat(fixture);
        console->kill();
        console->waitForFinished();
        QCOMPARE(beat.value(QStringLiteral("max_batch_delay_ms")).toInt(), 11);
        QCOMPARE(beat.value(QStringLiteral("max_attempts")).toInt(), 4);
        QCOMPARE(beat.value(QStringLiteral("workers")).toInt(), 2);
    }

    void leaseSecondsDecideWhenAHungEngineLosesItsJobs()
    {
        EngineFixture fixture;
        fixture.submit(6, 0, QStringLiteral("metadata"), test::encodedImage(1600, 1200));
        auto hung = startPixelnest(fixture, {QStringLiteral("--engine-only"),
                                             QStringLiteral("--lease-seconds"), QStringLiteral("1"),
                                             QStringLiteral("--workers"), QStringLiteral("1"),
                                             QStringLiteral("--batch-size"), QStringLiteral("6")});
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'processing'")) > 0; },
            60'000));
        ::kill(pid_t(hung->processId()), SIGSTOP); // hung: neither working nor renewing
        // A healthy engine reaps the 1-second leases long before the default 30 s would pass.
        EngineConfig healthy = fixture.engineConfig();
        healthy.runtime.exitWhenIdle = true;
        QVERIFY(fixture.startEngine(healthy).wait(20'000));
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), 6);
        QVERIFY(fixture.scalar(QStringLiteral(
                    "SELECT count(*) FROM attempts WHERE outcome = 'lease_lost'")) > 0);
        ::kill(pid_t(hung->processId()), SIGKILL);
        hung->waitForFinished();
    }

    void uploadLimitsAreTheConfiguredOnes()
    {
        EngineFixture fixture;
        QTemporaryDir dir;
        // BMP is uncompressed: 1.2 megapixels, over 3 MiB.
        const QString big = test::writeFile(dir.path(), QStringLiteral("big.bmp"),
                                            test::encodedImage(1200, 1000, "BMP"));
        QVERIFY(QFileInfo(big).size() > 1024 * 1024);
        QProcessEnvironment environment =
            test::environmentFor(fixture.connections().postgres, fixture.connections().redis);
        environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), fixture.ns());
        CliRun run = test::runPixelnest(
            {QStringLiteral("submit"), QStringLiteral("--max-upload-mb"), QStringLiteral("1"), big},
            environment);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QStringLiteral("too large")), qPrintable(run.err));
        environment.insert(QStringLiteral("PIXELNEST_MAX_MEGAPIXELS"), QStringLiteral("1"));
        run = test::runPixelnest({QStringLiteral("submit"), big}, environment);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QStringLiteral("megapixel")), qPrintable(run.err));
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), 0);
        environment.remove(QStringLiteral("PIXELNEST_MAX_MEGAPIXELS"));
        run = test::runPixelnest({QStringLiteral("submit"), big}, environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), 1);
    }
};

QTEST_GUILESS_MAIN(TestEngineOptions)
#include "tst_engineoptions.moc"
