// A chaos soak: three engines processing mixed-priority `metadata` jobs while one of them is
// killed with SIGKILL and restarted every ~1.5 s, Redis is flushed and PostgreSQL crashes
// (immediate shutdown) and restarts mid-run. Goal: every job completed, none twice, none stuck.
// CTest runs a short version; bench/chaos.sh the long one (CHAOS_JOBS, CHAOS_KILLS).
#include "cliprocess.h"
#include "enginefixture.h"
#include "pixelnest/adminclient.h"
#include "pixelnest/localstack.h"
#include "pixelnest/prepareservers.h"
#include "pixelnest/schema.h"
#include "queue/redisclient.h"
#include "stack/postgresinstance.h"
#include "store/pgconnection.h"
#include "testimages.h"
#include "teststack.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace pixelnest;
using test::EngineFixture;

namespace
{

int setting(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

qint64 scalar(const QString& conninfo, const QByteArray& sql)
{
    engine::PgConnection db;
    if (!db.open(conninfo)) {
        return -1;
    }
    const Result<engine::PgResult> rows = db.exec(sql);
    return rows && rows->rows() > 0 ? rows->integer(0, 0) : -1;
}

// PostgreSQL crashes: SIGQUIT to the postmaster is an immediate shutdown, recovered at start.
void crashPostgres(const QString& stackDir)
{
    QFile pidFile(stackDir + QStringLiteral("/postgres/data/postmaster.pid"));
    QVERIFY(pidFile.open(QIODevice::ReadOnly));
    const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
    pidFile.close();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid, SIGQUIT), 0);
    QVERIFY(EngineFixture::waitFor([pid] { return ::kill(pid, 0) != 0; }, 30'000));
    QVERIFY(engine::PostgresInstance(stackDir + QStringLiteral("/postgres")).start().ok());
}

} // namespace

class TestChaos final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killsFlushesAndCrashesLoseAndRepeatNothing()
    {
        const int jobs = setting("CHAOS_JOBS", 600);
        const int kills = setting("CHAOS_KILLS", 6);
        QTemporaryDir noModels; // `metadata` needs none: start in a blink
        QTemporaryDir root;
        LocalStack stack(test::privateStackDir(root.path()));
        QVERIFY(stack.up().ok());
        const ConnectionConfig servers{stack.postgresConninfo(), stack.redisUrl(),
                                       ConfigSource::Flag, ConfigSource::Flag};
        const QString ns = QStringLiteral("chaos");
        QVERIFY(applyMigrations(servers.postgres).ok()); // as `pixelnest migrate` would
        QVERIFY(prepareServers(servers, ns).ok());
        {
            EngineConfig config;
            config.service.ns = ns;
            auto admin = AdminClient::connect(servers, config).value();
            const QByteArray image = test::encodedImage(96, 64);
            for (int start = 0; start < jobs; start += 200) {
                QList<ImageUpload> uploads;
                for (int i = start; i < qMin(jobs, start + 200); ++i) {
                    uploads.append({QString::number(i), image, (i % 7) * 100 - 300,
                                    QStringLiteral("metadata")});
                }
                QVERIFY(admin->submit(uploads).ok());
            }
        }
        QProcessEnvironment environment = test::environmentFor(servers.postgres, servers.redis);
        environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), ns);
        const auto startEngine = [&] {
            auto process = std::make_unique<QProcess>();
            process->setProcessEnvironment(environment);
            process->setStandardOutputFile(QProcess::nullDevice());
            process->setStandardErrorFile(QProcess::nullDevice());
            process->start(test::pixelnestBinary(),
                           {QStringLiteral("--engine-only"), QStringLiteral("--lease-seconds"),
                            QStringLiteral("2"), QStringLiteral("--workers"), QStringLiteral("2"),
                            QStringLiteral("--batch-size"), QStringLiteral("8"),
                            QStringLiteral("--models"), noModels.path()});
            process->waitForStarted();
            return process;
        };
        std::vector<std::unique_ptr<QProcess>> engines;
        for (int i = 0; i < 3; ++i) {
            engines.push_back(startEngine());
        }
        QElapsedTimer wall;
        wall.start();
        const QString conninfo = servers.postgres;
        const auto completed = [&] {
            return scalar(conninfo, "SELECT count(*) FROM images WHERE status = 'completed'");
        };
        for (int kill = 1; kill <= kills; ++kill) {
            QTest::qWait(1500);
            const int victim = QRandomGenerator::global()->bounded(3);
            ::kill(pid_t(engines[size_t(victim)]->processId()), SIGKILL);
            engines[size_t(victim)]->waitForFinished();
            engines[size_t(victim)] = startEngine();
            if (kill == kills / 3) {
                engine::RedisClient redis(engine::RedisUrl::parse(servers.redis).value());
                QVERIFY(redis.command({"FLUSHALL"}).ok());
            }
            if (kill == 2 * kills / 3) {
                crashPostgres(stack.dir());
            }
        }
        QVERIFY2(EngineFixture::waitFor([&] { return completed() == jobs; }, 300'000),
                 qPrintable(QStringLiteral("%1 of %2 completed").arg(completed()).arg(jobs)));
        const qint64 seconds = wall.elapsed() / 1000;
        for (auto& engine : engines) {
            engine->terminate();
            engine->waitForFinished(30'000);
        }
        const qint64 failed =
            scalar(conninfo, "SELECT count(*) FROM images WHERE status = 'failed'");
        const qint64 stuck = scalar(
            conninfo, "SELECT count(*) FROM images WHERE status IN ('queued', 'processing')");
        const qint64 twice = scalar(conninfo, "SELECT count(*) FROM (SELECT image_id FROM attempts "
                                              "WHERE outcome = 'completed' GROUP BY image_id "
                                              "HAVING count(*) > 1) t");
        const qint64 wasted = scalar(conninfo, "SELECT count(*) FROM attempts") - jobs;
        qInfo().noquote() << QStringLiteral("chaos: %1 jobs, %2 kills, Redis flushed, PostgreSQL "
                                            "crashed: %3 completed, %4 failed, %5 stuck, %6 "
                                            "completed twice, %7 wasted attempts, %8 s")
                                 .arg(jobs)
                                 .arg(kills)
                                 .arg(completed())
                                 .arg(failed)
                                 .arg(stuck)
                                 .arg(twice)
                                 .arg(wasted)
                                 .arg(seconds);
        QCOMPARE(failed, 0);
        QCOMPARE(stuck, 0);
        QCOMPARE(twice, 0);
        QVERIFY(stack.down().ok());
    }
};

QTEST_GUILESS_MAIN(TestChaos)
#include "tst_chaos.moc"
