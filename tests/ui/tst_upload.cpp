// Uploading from the console: a folder (recursively) with a bad file among good ones, a file
// over the size limit, cancel mid-way, and the progress dialog's summary.
#include "controllers/uploadcontroller.h"
#include "core/translations.h"
#include "dialogs/uploaddialog.h"
#include "dialogs/uploadprogressdialog.h"
#include "enginefixture.h"
#include "testimages.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace pixelnest;
using namespace pixelnest::ui;
using test::EngineFixture;

class TestUpload final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        // English plurals ("3 images") come from the English translation, as in the app.
        QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    }

    void folderWithABadFile()
    {
        EngineFixture fixture;
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("holiday/day2"));
        test::writeFile(dir.path(), QStringLiteral("a.png"), test::encodedImage(32, 24));
        test::writeFile(dir.path() + QStringLiteral("/holiday"), QStringLiteral("b.jpg"),
                        test::encodedImage(40, 30, "JPEG"));
        test::writeFile(dir.path() + QStringLiteral("/holiday/day2"), QStringLiteral("c.webp"),
                        test::encodedImage(20, 20, "WEBP"));
        // Named like an image, but not one by its content.
        test::writeFile(dir.path() + QStringLiteral("/holiday"), QStringLiteral("notes.jpg"),
                        "these are my holiday notes, not a picture");
        test::writeFile(dir.path(), QStringLiteral("empty.png"), QByteArray());

        const auto service = test::serviceFor(fixture.connections(), fixture.ns());
        UploadController controller(service.get());
        UploadProgressDialog dialog(&controller);
        QSignalSpy finished(&controller, &UploadController::finished);
        QSignalSpy progress(&controller, &UploadController::progress);
        UploadOptions options;
        options.priority = 250;
        options.pipeline = QStringLiteral("metadata");
        controller.start({dir.path()}, options);
        QVERIFY(controller.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        const auto summary = finished.first().first().value<UploadSummary>();
        QCOMPARE(summary.ids.size(), 3);
        QCOMPARE(summary.files, 5);
        QCOMPARE(summary.failures.size(), 2);
        QStringList failedNames;
        for (const UploadFailure& failure : summary.failures) {
            failedNames.append(QFileInfo(failure.path).fileName());
            QVERIFY2(!failure.message.isEmpty(), qPrintable(failure.path));
        }
        failedNames.sort();
        QCOMPARE(failedNames,
                 (QStringList{QStringLiteral("empty.png"), QStringLiteral("notes.jpg")}));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 5); // every file accounted for
        // The database holds the three images, with the options chosen.
        QCOMPARE(fixture.countWhere(QStringLiteral("priority = 250 AND pipeline = 'metadata' "
                                                   "AND status = 'queued'")),
                 3);
        QCOMPARE(fixture.countWhere(QStringLiteral("title IN ('a.png', 'b.jpg', 'c.webp')")), 3);
        // The dialog lists what did not go through, with the reason.
        QCOMPARE(dialog.failureCount(), 2);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("3 images uploaded")),
                 qPrintable(dialog.statusText()));
        auto* tree = dialog.findChild<QTreeWidget*>();
        QVERIFY(tree->isVisibleTo(&dialog));
        QVERIFY(tree->topLevelItem(0)->text(1).contains(QStringLiteral("empty")) ||
                tree->topLevelItem(0)->text(1).contains(QStringLiteral("not an image")));
    }

    void tooLargeIsRefusedWithoutReading()
    {
        EngineFixture fixture;
        QTemporaryDir dir;
        const QString big =
            test::writeFile(dir.path(), QStringLiteral("big.png"), test::encodedImage(400, 400));
        const QString small =
            test::writeFile(dir.path(), QStringLiteral("small.png"), test::encodedImage(8, 8));
        ImageLimits limits; // the configured limits, not the defaults, decide
        limits.maxBytes = QFileInfo(big).size() - 1;
        const auto service = test::serviceFor(fixture.connections(), fixture.ns(), limits);
        UploadController controller(service.get());
        QSignalSpy finished(&controller, &UploadController::finished);
        UploadOptions options;
        options.title = QStringLiteral("Same title");
        controller.start({big, small, dir.path() + QStringLiteral("/missing.png")}, options);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        const auto summary = finished.first().first().value<UploadSummary>();
        QCOMPARE(summary.ids.size(), 1);
        QCOMPARE(summary.failures.size(), 2);
        // In the order given, each with its reason; the big one never read (checked by stat
        // against the limits this service was configured with).
        QCOMPARE(summary.failures.at(0).path, big);
        QVERIFY(summary.failures.at(0).message.startsWith(QStringLiteral("too large")));
        QVERIFY(summary.failures.at(1).message.contains(QStringLiteral("not found")));
        QCOMPARE(fixture.countWhere(QStringLiteral("title = 'Same title'")), 1);
    }

    void cancelStopsAfterTheBatchInFlight()
    {
        EngineFixture fixture;
        QTemporaryDir dir;
        const QByteArray image = test::encodedImage(16, 16);
        for (int i = 0; i < 40; ++i) {
            test::writeFile(dir.path(), QStringLiteral("img%1.png").arg(i, 2, 10, QLatin1Char('0')),
                            image);
        }
        const auto service = test::serviceFor(fixture.connections(), fixture.ns());
        UploadController controller(service.get());
        QSignalSpy finished(&controller, &UploadController::finished);
        // Queued: runs once the first batch is on its way, as a click on Cancel would.
        connect(
            &controller, &UploadController::scanned, &controller,
            [&controller] { controller.cancel(); }, Qt::QueuedConnection);
        controller.start({dir.path()}, {});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        const auto summary = finished.first().first().value<UploadSummary>();
        QVERIFY(summary.cancelled);
        QCOMPARE(summary.ids.size(), kSubmissionBatchFiles);
        QCOMPARE(summary.failures.size(), 40 - kSubmissionBatchFiles);
        QVERIFY(summary.failures.first().message.contains(QStringLiteral("cancelled")));
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), kSubmissionBatchFiles);

        // A cancel before anything was sent uploads nothing.
        UploadController early(service.get());
        QSignalSpy earlyFinished(&early, &UploadController::finished);
        early.start({dir.path()}, {});
        early.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(earlyFinished.size(), 1, 20'000);
        QCOMPARE(earlyFinished.first().first().value<UploadSummary>().ids.size(), 0);
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), kSubmissionBatchFiles);
    }

    void uploadDialogOptions()
    {
        UploadDialog dialog({QStringLiteral("/tmp/a.jpg"), QStringLiteral("/tmp/b.jpg")});
        auto* priority = dialog.findChild<QSpinBox*>();
        QVERIFY(priority);
        QCOMPARE(priority->minimum(), kMinPriority);
        QCOMPARE(priority->maximum(), kMaxPriority);
        priority->setValue(500);
        QCOMPARE(dialog.options().priority, 500);
        QCOMPARE(dialog.options().title, QString());
        QCOMPARE(dialog.options().pipeline, QStringLiteral("default"));
    }

    void cleanupTestCase() { waitForAdminThreads(10'000); }
};

QTEST_MAIN(TestUpload)
#include "tst_upload.moc"
