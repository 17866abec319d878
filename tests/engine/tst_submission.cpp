// The one submission path that `pixelnest submit` and the console's upload share: what it
// refuses before reading (by stat, against the configured limits), how it names each reject,
// and what it reports when the service fails part-way.
#include "enginefixture.h"
#include "pixelnest/submission.h"
#include "store/pgconnection.h"
#include "testimages.h"
#include "teststack.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace pixelnest;
using test::EngineFixture;

namespace
{

QStringList pathsOf(const QList<SubmissionFile>& files)
{
    QStringList paths;
    for (const SubmissionFile& file : files) {
        paths.append(QFileInfo(file.path).fileName());
    }
    return paths;
}

const SubmissionReject* rejectFor(const QList<SubmissionReject>& rejected, const QString& name)
{
    for (const SubmissionReject& reject : rejected) {
        if (QFileInfo(reject.path).fileName() == name) {
            return &reject;
        }
    }
    return nullptr;
}

} // namespace

class TestSubmission final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planKeepsRegularFilesWithinTheConfiguredLimits()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("sub"));
        test::writeFile(dir.path(), QStringLiteral("b.png"), test::encodedImage(8, 8));
        test::writeFile(dir.path(), QStringLiteral("sub/a.png"), test::encodedImage(8, 8));
        const QString big = test::writeFile(dir.path(), QStringLiteral("big.bmp"),
                                            test::encodedImage(64, 64, "BMP"));
        test::writeFile(dir.path(), QStringLiteral(".hidden.png"), test::encodedImage(8, 8));
        // A FIFO would block a reader forever: it must be refused without being opened.
        const QString fifo = dir.filePath(QStringLiteral("pipe.png"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);

        ImageLimits limits;
        limits.maxBytes = QFileInfo(big).size() - 1; // configured, not the 64 MiB default
        const SubmissionPlan plan =
            planSubmission({dir.path(), dir.filePath(QStringLiteral("missing.png")), fifo}, limits);
        QCOMPARE(pathsOf(plan.files),
                 (QStringList{QStringLiteral("b.png"), QStringLiteral("a.png")}));
        QCOMPARE(plan.bytes, QFileInfo(dir.filePath(QStringLiteral("b.png"))).size() +
                                 QFileInfo(dir.filePath(QStringLiteral("sub/a.png"))).size());
        const SubmissionReject* tooLarge = rejectFor(plan.rejected, QStringLiteral("big.bmp"));
        QVERIFY(tooLarge != nullptr);
        QVERIFY(tooLarge->error.message.startsWith(QStringLiteral("too large")));
        QCOMPARE(tooLarge->error.service, Service::Input);
        const SubmissionReject* missing = rejectFor(plan.rejected, QStringLiteral("missing.png"));
        QVERIFY(missing != nullptr);
        QVERIFY(missing->error.message.startsWith(QStringLiteral("not found")));
        // Named twice: once inside the folder, once on its own.
        int fifoRejects = 0;
        for (const SubmissionReject& reject : plan.rejected) {
            if (reject.path == fifo) {
                ++fifoRejects;
                QVERIFY(reject.error.message.contains(QStringLiteral("not a regular file")));
            }
        }
        QCOMPARE(fifoRejects, 2);
    }

    void batchesAreBoundedByCountAndBytes()
    {
        QList<SubmissionFile> files;
        for (int i = 0; i < 40; ++i) {
            files.append({QString::number(i), 1000});
        }
        QCOMPARE(nextSubmissionBatch(files, 0).size(), kSubmissionBatchFiles);
        QCOMPARE(nextSubmissionBatch(files, 32).size(), 8);
        files[1].bytes = kSubmissionBatchBytes; // a big file closes the batch before it...
        QCOMPARE(nextSubmissionBatch(files, 0).size(), 1);
        QCOMPARE(nextSubmissionBatch(files, 1).size(), 1); // ...and goes alone
    }

    void badPriorityIsRefusedBeforeAnythingIsRead()
    {
        EngineFixture fixture;
        QTemporaryDir dir;
        test::writeFile(dir.path(), QStringLiteral("a.png"), test::encodedImage(8, 8));
        const SubmissionPlan plan = planSubmission({dir.path()}, {});
        SubmissionOptions options;
        options.priority = 1001;
        const SubmissionRun run = submitAll(fixture.admin(), plan, options, {});
        QVERIFY(run.failure.has_value());
        QCOMPARE(run.failure->code, ErrorCode::InvalidInput);
        QVERIFY(run.failure->message.contains(QStringLiteral("-1000 to 1000")));
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), 0);
    }

    void serviceFailurePartWayStillReportsWhatWasCommitted()
    {
        EngineFixture fixture;
        QTemporaryDir dir;
        for (int i = 0; i < 3 * kSubmissionBatchFiles; ++i) {
            test::writeFile(dir.path(), QStringLiteral("img%1.png").arg(i, 2, 10, QLatin1Char('0')),
                            test::encodedImage(8, 8));
        }
        const SubmissionPlan plan = planSubmission({dir.path()}, {});
        auto client = AdminClient::connect(fixture.connections(),
                                           [&] {
                                               EngineConfig config;
                                               config.service.ns = fixture.ns();
                                               return config;
                                           }())
                          .value();
        // After the first batch the database drops this client's connection, as a failover
        // or a restart would.
        engine::PgConnection admin;
        QVERIFY(admin.open(fixture.connections().postgres).ok());
        int batches = 0;
        const SubmissionRun run = submitAll(*client, plan, {}, {}, [&](qsizetype, qint64) {
            if (++batches == 1) {
                QVERIFY(admin
                            .exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                            .ok());
            }
        });
        QVERIFY(run.failure.has_value());
        QCOMPARE(run.failure->code, ErrorCode::Unavailable);
        QCOMPARE(run.failure->service, Service::PostgreSQL);
        QCOMPARE(run.report.accepted.size(), kSubmissionBatchFiles);
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), qint64(kSubmissionBatchFiles));
        for (const SubmissionAccepted& accepted : run.report.accepted) {
            QVERIFY(accepted.id > 0);
            QVERIFY(accepted.path.endsWith(QStringLiteral(".png")));
        }
    }
};

QTEST_GUILESS_MAIN(TestSubmission)
#include "tst_submission.moc"
