// Screenshots of the console with real data, for the README and for looking at: the main
// window with a photo's faces and moderation in the detail pane, the detail pane alone, the
// live dashboard (two engines, one of them stopped and shown stale), the upload dialog and an
// upload's summary with a bad file, the Connection dialog, dark mode and Korean. Each is
// grabbed with QWidget::grab() into <build>/screenshots.
//
// The photos run through the `metadata` pipeline (thumbnails); their face and moderation
// results are the reference outputs that the original models produced for these photos
// (packaging/models/reference/reference.json), written into the rows, so that the pictures do
// not depend on the inference part's state.
#include "core/connectionprofile.h"
#include "core/consolesession.h"
#include "core/settings.h"
#include "core/statspoller.h"
#include "core/translations.h"
#include "dashboard/dashboardwidget.h"
#include "dashboard/throughputchart.h"
#include "dialogs/connectiondialog.h"
#include "dialogs/uploaddialog.h"
#include "dialogs/uploadprogressdialog.h"
#include "enginefixture.h"
#include "models/jobtablemodel.h"
#include "models/workersmodel.h"
#include "testimages.h"
#include "uitestsupport.h"
#include "widgets/collapsiblesection.h"
#include "widgets/detailpane.h"
#include "widgets/imagespage.h"
#include "widgets/imageview.h"
#include "widgets/jobtableview.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cmath>

using namespace pixelnest;
using namespace pixelnest::ui;
using test::EngineFixture;

namespace
{

// A pipeline that holds its jobs until released, so that the dashboard shows jobs waiting
// in every priority band and two in flight.
class SlowStage final : public Stage
{
public:
    QString name() const override { return QStringLiteral("slow"); }
    Result<void> process(StageContext& context) override
    {
        for (int waited = 0; waited < 60'000 && !released; waited += 20) {
            QThread::msleep(20);
        }
        context.result.insert(QStringLiteral("device"), QStringLiteral("cpu"));
        return {};
    }
    std::atomic<bool> released{false};
};

double rounded(double value)
{
    return std::round(value * 1000) / 1000;
}

// The reference outputs for one demo photo, in DESIGN.md's result shape.
QJsonObject referenceResult(const QString& file)
{
    QFile reference(qEnvironmentVariable("PIXELNEST_SOURCE_DIR") +
                    QStringLiteral("/packaging/models/reference/reference.json"));
    if (!reference.open(QIODevice::ReadOnly)) {
        return {};
    }
    for (const QJsonValue& value : QJsonDocument::fromJson(reference.readAll())
                                       .object()
                                       .value(QStringLiteral("photos"))
                                       .toArray()) {
        const QJsonObject photo = value.toObject();
        if (photo.value(QStringLiteral("file")).toString() != file) {
            continue;
        }
        QJsonArray faces;
        for (const QJsonValue& face : photo.value(QStringLiteral("faces")).toArray()) {
            const QJsonArray box = face.toObject().value(QStringLiteral("box_pixels")).toArray();
            faces.append(QJsonObject{
                {QStringLiteral("score"), face.toObject().value(QStringLiteral("score"))},
                {QStringLiteral("box"),
                 QJsonObject{
                     {QStringLiteral("x"), box[0]},
                     {QStringLiteral("y"), box[1]},
                     {QStringLiteral("width"), rounded(box[2].toDouble() - box[0].toDouble())},
                     {QStringLiteral("height"), rounded(box[3].toDouble() - box[1].toDouble())}}}});
        }
        const QJsonObject scores = photo.value(QStringLiteral("moderation")).toObject();
        QString label;
        for (auto it = scores.begin(); it != scores.end(); ++it) {
            if (label.isEmpty() || it.value().toDouble() > scores.value(label).toDouble()) {
                label = it.key();
            }
        }
        return QJsonObject{
            {QStringLiteral("image"),
             QJsonObject{{QStringLiteral("width"), photo.value(QStringLiteral("width"))},
                         {QStringLiteral("height"), photo.value(QStringLiteral("height"))},
                         {QStringLiteral("format"), QStringLiteral("jpeg")}}},
            {QStringLiteral("faces"), faces},
            {QStringLiteral("moderation"),
             QJsonObject{{QStringLiteral("label"), label}, {QStringLiteral("scores"), scores}}},
            {QStringLiteral("model_versions"),
             QJsonObject{
                 {QStringLiteral("face_detector"),
                  QStringLiteral("face-api-1.7.15-ssd_mobilenetv1")},
                 {QStringLiteral("moderation"), QStringLiteral("nsfwjs-4.3.0-mobilenet_v2")}}},
            {QStringLiteral("timings_ms"), QJsonObject{{QStringLiteral("decode"), 21.4},
                                                       {QStringLiteral("infer"), 187.2},
                                                       {QStringLiteral("total"), 214.9}}},
            {QStringLiteral("device"), QStringLiteral("cpu")}};
    }
    return {};
}

void settle(int ms = 300)
{
    QTest::qWait(ms); // layouts, charts and pending repaints
}

} // namespace

class TestScreenshots final : public QObject
{
    Q_OBJECT

private:
    // Finished jobs spread over the last 15 minutes, so that the throughput chart has a shape.
    static void seedHistory(const QString& conninfo)
    {
        test::execSql(conninfo,
                      "INSERT INTO images (title, status, priority, pipeline, format, byte_size, "
                      "width, height, attempts, worker, error, created_at, started_at, "
                      "finished_at) SELECT 'batch-' || lpad(g::text, 4, '0') || '.jpg', "
                      "CASE WHEN g % 23 = 0 THEN 'failed' ELSE 'completed' END::job_status, 0, "
                      "'default', 'jpeg', 180000, 1920, 1280, 1, 'gpu-box-2:4121', CASE WHEN "
                      "g % 23 = 0 THEN 'JPEG could not be decoded: premature end of data' END, "
                      "now() - interval '15 minutes' + g * interval '1.5 seconds', "
                      "now() - interval '15 minutes' + g * interval '1.5 seconds', "
                      "now() - interval '15 minutes' + g * interval '1.5 seconds' "
                      "+ (g % 7) * interval '1 second' "
                      "FROM generate_series(1, 590) g WHERE (g / 40) % 3 <> 1 OR g % 2 = 0");
    }

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    void screenshots()
    {
        QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
        EngineFixture fixture;
        const QString conninfo = fixture.connections().postgres;
        seedHistory(conninfo);

        // Engine A: the photos (thumbnails) and a corrupt image (a real failure and history).
        QTemporaryDir dir;
        const QStringList photos = test::samplePhotos(dir.path());
        QList<ImageUpload> uploads;
        for (const QString& path : photos) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            uploads.append(
                {QFileInfo(path).fileName(), file.readAll(), 0, QStringLiteral("metadata")});
        }
        uploads.append(
            {QStringLiteral("scan-0042.png"), test::corruptPng(), 0, QStringLiteral("metadata")});
        const Result<SubmitReport> submitted = fixture.admin().submit(uploads);
        QVERIFY(submitted && submitted->rejected.isEmpty());
        const QList<qint64> photoIds = submitted->ids;
        fixture.startEngine(fixture.engineConfig());
        QVERIFY(EngineFixture::waitFor(
            [&] {
                return fixture.countWhere(QStringLiteral("status IN ('completed', 'failed') AND "
                                                         "pipeline = 'metadata'")) == 7;
            },
            30'000));
        for (int i = 0; i < 2; ++i) {
            const QJsonObject result = referenceResult(QFileInfo(photos[i]).fileName());
            if (!result.isEmpty()) {
                test::execSql(conninfo,
                              "UPDATE images SET result = result || $2::jsonb, "
                              "pipeline = 'default' WHERE id = $1",
                              {QByteArray::number(photoIds[i]),
                               QJsonDocument(result).toJson(QJsonDocument::Compact)});
            }
        }
        fixture.stopEngine(); // its last heartbeat stays, and turns stale

        // Engine B: a slow `default` pipeline, so that jobs wait in every priority band.
        QList<ImageUpload> waiting;
        const QList<int> priorities{1000, 800, 500, 200, 0, 0, -200, -700};
        for (int i = 0; i < priorities.size(); ++i) {
            waiting.append({QStringLiteral("IMG_%1.jpg").arg(2041 + i),
                            test::encodedImage(64, 48, "JPEG"), priorities[i]});
        }
        QVERIFY(fixture.admin().submit(waiting));
        PipelineRegistry slow = PipelineRegistry::builtIn();
        const auto slowStage = std::make_shared<SlowStage>();
        slow.add({QStringLiteral("default"), {slowStage}});
        EngineConfig options = fixture.engineConfig();
        options.runtime.workers = 2;
        options.runtime.batchSize = 2;
        options.runtime.maxInFlight = 2;
        fixture.startEngine(options, slow);

        ConnectionProfile profile;
        profile.processHere = false;
        profile.save(*openSettings());
        ConsoleSession session(
            test::sessionEnvironment(fixture.connections(), fixture.ns(), fixture.engineConfig()));
        MainWindow window(&session);
        window.resize(1440, 900);
        window.show();
        session.start();
        JobTableModel* model = window.imagesPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 20, 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [model] {
                int processing = 0;
                for (int row = 0; row < 10; ++row) {
                    processing += model->record(row).status == JobStatus::Processing ? 1 : 0;
                }
                return processing == 2;
            }(),
            20'000);

        // Main window: the first photo selected, its faces boxed.
        const int row = model->rowOf(photoIds[0]);
        QVERIFY(row >= 0);
        JobTableView* view = window.imagesPage()->view();
        view->selectRow(row);
        view->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtCenter);
        DetailPane* detail = window.imagesPage()->detail();
        QTRY_VERIFY_WITH_TIMEOUT(detail->imageView()->hasImage(), 15'000);
        QTRY_COMPARE(detail->imageView()->faces().size(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->workersModel()->rowCount() == 2, 15'000);
        settle(1500); // thumbnails
        test::saveScreenshot(&window, QStringLiteral("main-window.png"));
        test::saveScreenshot(detail, QStringLiteral("detail-pane.png"));
        detail->findChild<CollapsibleSection*>()->setExpanded(true);
        settle();
        test::saveScreenshot(detail, QStringLiteral("detail-pane-json.png"));
        detail->findChild<CollapsibleSection*>()->setExpanded(false);

        // Dashboard: two engines, the stopped one stale (red), jobs waiting in every band.
        window.tabs()->setCurrentIndex(1);
        WorkersModel* workers = window.dashboard()->workersModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            workers->rowCount() == 2 && (workers->isStale(0) != workers->isStale(1)), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboard()->throughputChart()->completedTotal() > 100,
                                 15'000);
        settle(800);
        test::saveScreenshot(&window, QStringLiteral("dashboard.png"));

        // Dark mode follows the palette.
        const QPalette light = QApplication::palette();
        QApplication::setPalette(darkPalette());
        settle(800);
        test::saveScreenshot(&window, QStringLiteral("dashboard-dark.png"));
        window.tabs()->setCurrentIndex(0);
        settle(800);
        test::saveScreenshot(&window, QStringLiteral("main-window-dark.png"));
        QApplication::setPalette(light);
        settle();

        // Upload: the options, then a summary with a file that is not an image.
        for (const QString& photo : photos.mid(2, 3)) {
            QFile::copy(photo, dir.filePath(QFileInfo(photo).fileName()));
        }
        test::writeFile(dir.path(), QStringLiteral("notes.jpg"), "not a picture at all");
        UploadDialog uploadDialog({dir.path()}, &window);
        uploadDialog.show();
        settle();
        test::saveScreenshot(&uploadDialog, QStringLiteral("upload-dialog.png"));
        uploadDialog.close();
        UploadOptions uploadOptions;
        uploadOptions.pipeline = QStringLiteral("metadata");
        UploadController* upload = window.startUpload({dir.path()}, uploadOptions);
        QSignalSpy uploaded(upload, &UploadController::finished);
        QTRY_COMPARE_WITH_TIMEOUT(uploaded.size(), 1, 20'000);
        auto* progress = window.findChild<UploadProgressDialog*>();
        QVERIFY(progress);
        QCOMPARE(progress->failureCount(), 1);
        settle();
        test::saveScreenshot(progress, QStringLiteral("upload-summary.png"));
        progress->close();

        ConnectionProfile remote;
        remote.mode = ConnectionProfile::Mode::Remote;
        remote.postgres = test::postgresConninfo();
        remote.redis = test::redisUrl();
        remote.processHere = false;
        ConnectionDialog connection(remote, test::stackDir(), &window);
        connection.show();
        QSignalSpy tested(&connection, &ConnectionDialog::tested);
        connection.test();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 15'000);
        settle();
        test::saveScreenshot(&connection, QStringLiteral("connection-dialog.png"));
        connection.close();

        // Korean: a window built after the translation is installed.
        QCOMPARE(installTranslations(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        MainWindow korean(&session);
        korean.resize(1440, 900);
        korean.show();
        JobTableModel* koModel = korean.imagesPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(koModel->rowOf(photoIds[0]) >= 0, 15'000);
        korean.imagesPage()->view()->selectRow(koModel->rowOf(photoIds[0]));
        QTRY_VERIFY_WITH_TIMEOUT(korean.imagesPage()->detail()->imageView()->hasImage(), 15'000);
        settle(2500);
        test::saveScreenshot(&korean, QStringLiteral("main-window-ko.png"));
        installTranslations(*qApp, QStringLiteral("en"));
        slowStage->released = true;
        fixture.stopEngine();
    }

    void cleanupTestCase() { waitForAdminThreads(10'000); }

private:
    static QPalette darkPalette()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3b));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        dark.setColor(QPalette::Mid, QColor(0x45, 0x47, 0x4b));
        dark.setColor(QPalette::Dark, QColor(0x20, 0x21, 0x24));
        dark.setColor(QPalette::Light, QColor(0x50, 0x52, 0x56));
        return dark;
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
