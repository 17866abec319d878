// `pixelnest --engine-only` as separate processes against real servers: crashes, several
// engines at once, graceful stop, the metrics endpoint, and servers restarting under it.
#include "cliprocess.h"
#include "enginefixture.h"
#include "pixelnest/localstack.h"
#include "pixelnest/metricsserver.h"
#include "pixelnest/schema.h"
#include "stack/postgresinstance.h"
#include "stack/redisinstance.h"
#include "store/pgconnection.h"
#include "testimages.h"
#include "teststack.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace pixelnest;
using test::EngineFixture;

namespace
{

// The port an engine started with --metrics-listen HOST:0 reports; empty after 20 s without.
// `log` collects what it printed meanwhile.
QString metricsPort(QProcess& engine, QString& log)
{
    QRegularExpressionMatch port;
    EngineFixture::waitFor(
        [&] {
            log += QString::fromUtf8(engine.readAll());
            port = QRegularExpression(QStringLiteral("metrics on port (\\d+)")).match(log);
            return port.hasMatch();
        },
        20'000);
    return port.captured(1);
}

std::unique_ptr<QProcess> startEngineProcess(const EngineFixture& fixture, QStringList extra)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(
        test::environmentFor(fixture.connections().postgres, fixture.connections().redis));
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->start(
        test::pixelnestBinary(),
        QStringList{QStringLiteral("--engine-only"), QStringLiteral("--namespace"), fixture.ns()} +
            extra);
    if (!process->waitForStarted()) {
        qFatal("engine process did not start");
    }
    return process;
}

struct HttpReply
{
    int status = 0;
    QByteArray body;
};

// GET http://127.0.0.1:PORT/PATH from an engine's metrics server (waits up to 10 s).
HttpReply httpGet(const QString& port, const QString& path, const QByteArray& authorization = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port, path)));
    if (!authorization.isEmpty()) {
        request.setRawHeader("Authorization", authorization);
    }
    QNetworkReply* reply = network.get(request);
    EngineFixture::waitFor([reply] { return reply->isFinished(); }, 10'000);
    HttpReply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                     reply->readAll()};
    reply->deleteLater();
    return result;
}

// Photos large enough that decoding takes a noticeable time, so that a crash lands mid-batch.
QByteArray slowImage()
{
    static const QByteArray bytes = test::encodedImage(1600, 1200, "PNG");
    return bytes;
}

} // namespace

class TestEngineProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killNineLosesNothingAndAppliesNothingTwice()
    {
        EngineFixture fixture;
        const QList<qint64> ids = fixture.submit(60, 0, QStringLiteral("metadata"), slowImage());
        auto victim =
            startEngineProcess(fixture, {QStringLiteral("--lease-seconds"), QStringLiteral("2"),
                                         QStringLiteral("--batch-size"), QStringLiteral("4"),
                                         QStringLiteral("--workers"), QStringLiteral("2")});
        QVERIFY(EngineFixture::waitFor(
            [&] {
                return fixture.countWhere(QStringLiteral("status = 'completed'")) >= 6 &&
                       fixture.countWhere(QStringLiteral("status = 'processing'")) > 0;
            },
            60'000));
        ::kill(pid_t(victim->processId()), SIGKILL);
        victim->waitForFinished();
        const qint64 orphaned = fixture.countWhere(QStringLiteral("status = 'processing'"));
        QVERIFY(orphaned > 0);

        EngineConfig options = fixture.engineConfig();
        options.runtime.lease = std::chrono::milliseconds(2000);
        options.runtime.exitWhenIdle = true;
        QVERIFY(fixture.startEngine(options).wait(120'000));
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), ids.size());
        // Exactly one applied result per job, and the orphans went through a lost lease.
        QCOMPARE(fixture.scalar(QStringLiteral(
                     "SELECT count(*) FROM (SELECT image_id FROM attempts WHERE outcome = "
                     "'completed' GROUP BY image_id HAVING count(*) <> 1) t")),
                 0);
        QCOMPARE(fixture.scalar(QStringLiteral(
                     "SELECT count(DISTINCT image_id) FROM attempts WHERE outcome = 'completed'")),
                 ids.size());
        QVERIFY(fixture.scalar(QStringLiteral(
                    "SELECT count(*) FROM attempts WHERE outcome = 'lease_lost'")) >= orphaned);
    }

    void threeEnginesShareFiveThousandJobs()
    {
        EngineFixture fixture;
        QList<ImageUpload> uploads;
        for (int i = 0; i < 5000; ++i) {
            uploads.append(
                {QString::number(i), test::encodedImage(4, 4), 0, QStringLiteral("noop")});
        }
        QVERIFY(fixture.admin().submit(uploads).ok());
        std::vector<std::unique_ptr<QProcess>> engines;
        for (int i = 0; i < 3; ++i) {
            engines.push_back(startEngineProcess(fixture, {QStringLiteral("--exit-when-idle"),
                                                           QStringLiteral("--batch-size"),
                                                           QStringLiteral("32")}));
        }
        for (auto& engine : engines) {
            QVERIFY(engine->waitForFinished(180'000));
            QCOMPARE(engine->exitCode(), 0);
        }
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), 5000);
        QCOMPARE(fixture.countWhere(QStringLiteral("attempts <> 1")), 0); // none ran twice
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM attempts")), 5000);
        const qint64 workers =
            fixture.scalar(QStringLiteral("SELECT count(DISTINCT worker) FROM images"));
        qInfo() << "engines that took part:" << workers;
        QVERIFY(workers >= 2);
    }

    void sigtermDrainsAndExitsZero()
    {
        EngineFixture fixture;
        fixture.submit(40, 0, QStringLiteral("metadata"), slowImage());
        auto engine =
            startEngineProcess(fixture, {QStringLiteral("--batch-size"), QStringLiteral("4")});
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'processing'")) > 0; },
            30'000));
        engine->terminate(); // SIGTERM
        QVERIFY(engine->waitForFinished(60'000));
        QCOMPARE(engine->exitStatus(), QProcess::NormalExit);
        QCOMPARE(engine->exitCode(), 0);
        const QString log = QString::fromUtf8(engine->readAll());
        QVERIFY2(log.contains(QStringLiteral("engine stopping")), qPrintable(log));
        // Everything it held was finished; nothing is left claimed by a process that is gone.
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'processing'")), 0);
        QVERIFY(fixture.countWhere(QStringLiteral("status = 'completed'")) > 0);
    }

    void sigtermWhileWaitingForTheServersExitsWithinTheConnectTimeout()
    {
        // The slow start (servers, schema, models) runs off the thread that handles SIGTERM:
        // a stop while PostgreSQL does not answer ends the process, within the connect timeout
        // even when the server accepts the connection and then says nothing.
        QTcpServer silent; // accepts, never answers: libpq waits for its greeting
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QString conninfos[] = {
            QStringLiteral("host=127.0.0.1 port=1 dbname=nothing"), // refused at once
            QStringLiteral("host=127.0.0.1 port=%1 dbname=nothing").arg(silent.serverPort()),
        };
        for (const QString& conninfo : conninfos) {
            QProcess engine;
            engine.setProcessChannelMode(QProcess::MergedChannels);
            engine.setProcessEnvironment(test::environmentFor(conninfo, test::redisUrl()));
            engine.start(test::pixelnestBinary(), {QStringLiteral("--engine-only")});
            QVERIFY(engine.waitForStarted());
            QTest::qWait(1500); // inside the first attempt, or waiting to retry
            QElapsedTimer stopping;
            stopping.start();
            engine.terminate();
            QVERIFY2(engine.waitForFinished(15'000), qPrintable(conninfo));
            QCOMPARE(engine.exitStatus(), QProcess::NormalExit);
            QCOMPARE(engine.exitCode(), 0);
            qInfo() << conninfo << "stopped in" << stopping.elapsed() << "ms";
        }
    }

    void metricsEndpointServesPrometheusText()
    {
        EngineFixture fixture;
        fixture.submit(5, 3, QStringLiteral("noop"));
        fixture.submit(2, -7, QStringLiteral("noop"));
        auto engine = startEngineProcess(
            fixture, {QStringLiteral("--metrics-listen"), QStringLiteral("127.0.0.1:0")});
        QString log;
        const QString port = metricsPort(*engine, log);
        QVERIFY(!port.isEmpty());
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 7; },
            20'000));
        const auto get = [&](const QString& path, int* status) {
            const HttpReply reply = httpGet(port, path);
            *status = reply.status;
            return reply.body;
        };
        int status = 0;
        QCOMPARE(get(QStringLiteral("/healthz"), &status), QByteArray("ok\n"));
        QCOMPARE(status, 200);
        QByteArray ready;
        QVERIFY(EngineFixture::waitFor(
            [&] {
                ready = get(QStringLiteral("/readyz"), &status);
                return ready.startsWith("ready\n");
            },
            10'000));
        QCOMPARE(status, 200);
        // One line per pipeline: `default` has run nothing, so its models are not loaded.
        QVERIFY2(ready.contains("pipeline noop: ready\n"), ready.constData());
        QVERIFY2(ready.contains("pipeline default: ready, models load on first job\n"),
                 ready.constData());
        const QByteArray metrics = get(QStringLiteral("/metrics"), &status);
        QCOMPARE(status, 200);
        QVERIFY(metrics.contains("pixelnest_jobs_total{outcome=\"completed\"} 7"));
        QVERIFY(metrics.contains("# TYPE pixelnest_queue_depth gauge"));
        QVERIFY(metrics.contains("pixelnest_in_flight 0"));
        QVERIFY(metrics.contains("pixelnest_worker_up 1"));
        engine->terminate();
        QVERIFY(engine->waitForFinished(30'000));
    }

    // Models only where needed: an engine that has run only `noop` jobs has not mapped libtorch;
    // its first `default` job loads the models (and libtorch) and completes on the resolved
    // device, and from then on /readyz says the pipeline is loaded.
    void modelsLoadOnlyWhenAPipelineNeedsThem()
    {
        EngineFixture fixture;
        fixture.submit(20, 0, QStringLiteral("noop"));
        auto engine = startEngineProcess(
            fixture, {QStringLiteral("--metrics-listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--models"),
                      qEnvironmentVariable("PIXELNEST_BUILD_DIR") + QStringLiteral("/models")});
        QString log;
        const QString port = metricsPort(*engine, log);
        QVERIFY(!port.isEmpty());
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) == 20; },
            20'000));
        const auto mapped = [&engine] {
            QFile maps(QStringLiteral("/proc/%1/maps").arg(engine->processId()));
            return maps.open(QIODevice::ReadOnly) ? maps.readAll() : QByteArray();
        };
        QVERIFY(mapped().contains("libQt6Core"));
        QVERIFY2(!mapped().contains("libtorch"), "a noop-only engine mapped libtorch");

        const qint64 photo =
            fixture.submit(1, 0, QStringLiteral("default"), test::encodedImage(320, 240, "JPEG"))
                .first();
        QVERIFY(EngineFixture::waitFor(
            [&] {
                return fixture.countWhere(
                           QStringLiteral("id = %1 AND status = 'completed'").arg(photo)) == 1;
            },
            120'000));
        QVERIFY(mapped().contains("libtorch"));
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM images WHERE id = %1 AND "
                                               "result->>'device' = 'cpu' AND "
                                               "result ? 'moderation'")
                                    .arg(photo)),
                 1);
        const QByteArray ready = httpGet(port, QStringLiteral("/readyz")).body;
        QVERIFY2(ready.contains("pipeline default: ready\n"), ready.constData());
        engine->terminate();
        QVERIFY(engine->waitForFinished(30'000));
    }

    // Reachable from other hosts, /metrics needs a bearer token (or an explicit
    // --metrics-insecure); the probes stay open and say only a short reason.
    void metricsOnANetworkAddressNeedsAToken()
    {
        EngineFixture fixture;
        QProcessEnvironment environment =
            test::environmentFor(fixture.connections().postgres, fixture.connections().redis);
        environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), fixture.ns());
        test::CliRun refused =
            test::runPixelnest({QStringLiteral("--engine-only"), QStringLiteral("--metrics-listen"),
                                QStringLiteral("0.0.0.0:0")},
                               environment);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("give --metrics-token FILE")),
                 qPrintable(refused.err));

        QTemporaryDir dir;
        const QString tokenFile = dir.filePath(QStringLiteral("token"));
        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("s3cr3t-t0ken\n");
        file.close();
        QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ReadOther);
        refused = test::runPixelnest(
            {QStringLiteral("--engine-only"), QStringLiteral("--metrics-listen"),
             QStringLiteral("0.0.0.0:0"), QStringLiteral("--metrics-token"), tokenFile},
            environment);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("chmod 600")), qPrintable(refused.err));
        QFile::setPermissions(tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        auto engine = startEngineProcess(fixture, {QStringLiteral("--metrics-listen"),
                                                   QStringLiteral("0.0.0.0:0"),
                                                   QStringLiteral("--metrics-token"), tokenFile});
        QString log;
        const QString port = metricsPort(*engine, log);
        QVERIFY(!port.isEmpty());
        QVERIFY(!log.contains(QStringLiteral("s3cr3t")));
        const auto get = [&](const QString& path, const QByteArray& authorization) {
            return httpGet(port, path, authorization).status;
        };
        QCOMPARE(get(QStringLiteral("/metrics"), {}), 401);
        QCOMPARE(get(QStringLiteral("/metrics"), "Bearer s3cr3t-t0ke"), 401);
        QCOMPARE(get(QStringLiteral("/metrics"), "Bearer s3cr3t-t0ken"), 200);
        QCOMPARE(get(QStringLiteral("/healthz"), {}), 200);
        engine->terminate();
        QVERIFY(engine->waitForFinished(30'000));

        // Not ready: a short reason, never the internal message (paths, hosts).
        QCOMPARE(MetricsServer::shortReason(makeError(
                     Service::Model, ErrorCode::Unavailable,
                     QStringLiteral("model face_detector: /opt/models/x/model.pt missing"))),
                 QByteArray("models not loaded"));
        QCOMPARE(MetricsServer::shortReason(makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                                                      QStringLiteral("db.internal:5432 refused"))),
                 QByteArray("postgresql unreachable"));
    }

    void pausesWhileServersRestartAndResumes()
    {
        // A private stack: this test stops and starts its servers.
        QTemporaryDir root;
        LocalStack stack(test::privateStackDir(root.path()));
        QVERIFY(stack.up().ok());
        QVERIFY(applyMigrationsFor(stack));
        ConnectionConfig connections{stack.postgresConninfo(), stack.redisUrl()};
        auto admin = AdminClient::connect(connections).value();
        QList<ImageUpload> uploads;
        for (int i = 0; i < 120; ++i) {
            uploads.append({QString::number(i), test::encodedImage(800, 600, "PNG"), 0,
                            QStringLiteral("metadata")});
        }
        QVERIFY(admin->submit(uploads).ok());
        admin.reset(); // its connections would break with the restarts

        EngineConfig options;
        options.runtime.workers = 2;
        options.runtime.batchSize = 4;
        options.runtime.lease = std::chrono::milliseconds(5000);
        Engine engine(connections, options, PipelineRegistry::builtIn());
        QVERIFY(engine.start().ok());
        const auto completed = [&] {
            engine::PgConnection db;
            if (!db.open(stack.postgresConninfo())) {
                return qint64(-1);
            }
            return db.exec("SELECT count(*) FROM images WHERE status = 'completed'")->integer(0, 0);
        };
        QVERIFY(EngineFixture::waitFor([&] { return completed() >= 10; }, 60'000));
        engine::RedisInstance redis(stack.dir() + QStringLiteral("/redis"));
        QVERIFY(redis.stop().ok());
        QTest::qWait(1500);
        QVERIFY(redis.start().ok());
        const qint64 afterRedis = completed();
        QVERIFY(EngineFixture::waitFor([&] { return completed() > afterRedis + 5; }, 60'000));
        engine::PostgresInstance postgres(stack.dir() + QStringLiteral("/postgres"));
        QVERIFY(postgres.stop().ok());
        QTest::qWait(1500);
        QVERIFY(postgres.start().ok());
        QVERIFY(EngineFixture::waitFor([&] { return completed() == 120; }, 120'000));
        engine.requestStop();
        QVERIFY(engine.wait(60'000));
        QVERIFY(stack.down().ok());
    }

private:
    static bool applyMigrationsFor(const LocalStack& stack)
    {
        return applyMigrations(stack.postgresConninfo()).ok();
    }
};

QTEST_GUILESS_MAIN(TestEngineProcess)
#include "tst_engineprocess.moc"
