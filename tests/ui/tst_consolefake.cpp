// The console's models and controllers against an in-memory AdminService: no servers, no
// threads of ours, deterministic and fast. (The same classes run against real servers in
// tst_jobtablemodel, tst_actions, tst_upload and tst_console.)
#include "controllers/dispatchcontrol.h"
#include "controllers/jobactions.h"
#include "controllers/uploadcontroller.h"
#include "core/alertwatcher.h"
#include "core/consolesession.h"
#include "core/serverdescription.h"
#include "core/statspoller.h"
#include "dashboard/dashboardwidget.h"
#include "dialogs/jobfilterdialog.h"
#include "dialogs/uploaddialog.h"
#include "fakeadminservice.h"
#include "models/jobcolumns.h"
#include "models/jobtablemodel.h"
#include "models/workersmodel.h"
#include "uitestsupport.h"
#include "widgets/cachedtextdelegate.h"
#include "widgets/detailpane.h"
#include "widgets/dispatchbanner.h"
#include "widgets/imagespage.h"
#include "widgets/jobtableview.h"
#include "widgets/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QMenu>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pixelnest;
using namespace pixelnest::ui;
using test::FakeAdminService;

namespace
{

QList<qint64> modelIds(const JobTableModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.append(model.record(row).id);
    }
    return ids;
}

// A live engine as its heartbeat describes it.
WorkerInfo liveEngine(const QString& id, qint64 rssMiB, double cpu, const QString& state)
{
    WorkerInfo worker;
    worker.id = id;
    worker.host = id.section(QLatin1Char(':'), 0, 0);
    worker.pid = id.section(QLatin1Char(':'), 1, 1).toLongLong();
    worker.device = QStringLiteral("cpu");
    worker.state = state;
    worker.pipelines = {QStringLiteral("default"), QStringLiteral("noop")};
    worker.processed = rssMiB * 10;
    worker.raw = QJsonObject{{QStringLiteral("rss_bytes"), double(rssMiB * 1048576)},
                             {QStringLiteral("cpu_percent"), cpu},
                             {QStringLiteral("load"), 1.25},
                             {QStringLiteral("uptime_s"), 4000},
                             {QStringLiteral("device_name"), QStringLiteral("Test CPU")}};
    return worker;
}

QList<qint64> descending(qint64 from, qint64 to)
{
    QList<qint64> ids;
    for (qint64 id = from; id >= to; --id) {
        ids.append(id);
    }
    return ids;
}

// A session whose every part is a fake: the service, the servers (ready at once), no engine.
SessionEnvironment fakeEnvironment(FakeAdminService** service)
{
    SessionEnvironment environment;
    environment.environment = QProcessEnvironment();
    environment.flags.postgres = QStringLiteral("host=fake");
    environment.flags.redis = QStringLiteral("redis://fake:6379/0");
    environment.createService = [service] {
        auto created = std::make_unique<FakeAdminService>();
        *service = created.get();
        return std::unique_ptr<AdminService>(std::move(created));
    };
    environment.prepare = [](const ConnectionConfig&, const QString&) { return Result<void>(); };
    return environment;
}

} // namespace

class TestConsoleFake final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    void tablePagesFiltersAndFollowsLiveChanges()
    {
        FakeAdminService service;
        service.addJobs(90);
        service.addJobs(10, JobStatus::Failed);
        JobTableModel model(&service, nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(40);
        model.reload();
        // The first page, then the count: every matching row is a row of the model at once.
        QTRY_COMPARE(model.rowCount(), 100);
        QCOMPARE(modelIds(model).mid(0, 40), descending(100, 61));
        // Rows are read where they are asked for (a page may be in flight, asked for by the
        // tester).
        const auto fetchedAll = [&model] {
            model.fetchRows(0, model.rowCount() - 1);
            return model.isLoaded(0, model.rowCount() - 1) && !model.isLoading();
        };
        QTRY_VERIFY(fetchedAll());
        QCOMPARE(modelIds(model), descending(100, 1));

        // A live change: one re-read of the loaded row, one dataChanged over it.
        service.find(55)->priority = 700;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const int callsBefore = int(service.calls.size());
        model.noteChanged({55});
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(model.record(model.rowOf(55)).priority, 700);
        QCOMPARE(service.calls.mid(callsBefore), QStringList{QStringLiteral("jobs")});
        // A new job lands on top (newest first, it passes the filter).
        const qint64 fresh = service.addJobs(1).first();
        model.noteChanged({fresh});
        QTRY_COMPARE(model.rowCount(), 101);
        QCOMPARE(model.record(0).id, fresh);

        model.setStatusFilter(JobStatus::Failed);
        QTRY_COMPARE(model.rowCount(), 10);
        QCOMPARE(modelIds(model), descending(100, 91));
        model.setStatusFilter(std::nullopt);
        model.sort(int(JobColumn::Priority), Qt::DescendingOrder);
        QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
        QCOMPARE(model.record(0).id, qint64(55));
    }

    void tableReportsAnOutageAndRecovers()
    {
        FakeAdminService service;
        service.addJobs(5);
        service.setOutage(Service::PostgreSQL, QStringLiteral("database on fire"));
        JobTableModel model(&service, nullptr);
        QSignalSpy failed(&model, &JobTableModel::loadFailed);
        model.reload();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("database on fire"));
        QCOMPARE(model.rowCount(), 0);
        service.setOutage(std::nullopt);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 5);
    }

    // A new order, or a new status filter (counted from the status counts, ahead of the page),
    // lands as one reset with the whole count: a change in the number of rows costs the view
    // ~8 ms at a million (its vertical header), so the table must not shrink to a page and grow.
    // A search (counted by a scan) lands its page first, then grows once.
    void reloadsLandWithTheirCount()
    {
        FakeAdminService service;
        service.addJobs(40, JobStatus::Queued);
        service.addJobs(25, JobStatus::Failed);
        JobTableModel model(&service, nullptr);
        model.setPageSize(10);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 65);
        QTRY_VERIFY(!model.isLoading());
        QList<int> rowsAtReset;
        connect(&model, &QAbstractItemModel::modelReset, this,
                [&] { rowsAtReset.append(model.rowCount()); });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const auto settled = [&] { return !model.isLoading() && !rowsAtReset.isEmpty(); };

        model.sort(int(JobColumn::Priority), Qt::AscendingOrder);
        QTRY_VERIFY(settled());
        QCOMPARE(rowsAtReset, QList<int>{65});
        model.setStatusFilter(JobStatus::Failed);
        QTRY_COMPARE(rowsAtReset.size(), 2);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(rowsAtReset.last(), 25);
        QCOMPARE(inserted.size() + removed.size(), 0);

        model.setStatusFilter(std::nullopt);
        QTRY_COMPARE(rowsAtReset.size(), 3);
        QTRY_VERIFY(!model.isLoading());
        model.setTitleFilter(QStringLiteral("job")); // every fake title: a scan counts them
        QTRY_COMPARE(rowsAtReset.size(), 4);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(rowsAtReset.last(), 10);
        QCOMPARE(model.rowCount(), 65);
        QCOMPARE(inserted.size(), 1);
    }

    // The Images table's delegate keeps its cells' laid-out text, and paints what the style
    // paints: the same table, grabbed with Qt's delegate and with it (left- and right-aligned,
    // elided, coloured, Hangul from a fallback font, a selected row), differs in almost no pixel;
    // and again from its cache, in none.
    void cachedTextDelegatePaintsAsTheStyleDoes()
    {
        QStandardItemModel model(4, 3);
        const QStringList texts{QStringLiteral("photo-0500009.jpg"), QStringLiteral("대기 중"),
                                QStringLiteral("a title far too long to fit in its column, elided"),
                                QStringLiteral("Completed")};
        for (int row = 0; row < 4; ++row) {
            model.setItem(row, 0, new QStandardItem(texts[row]));
            auto* number = new QStandardItem(QString::number(row * 997 - 1000));
            number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            model.setItem(row, 1, number);
            auto* status = new QStandardItem(texts[(row + 1) % 4]);
            status->setForeground(QColor(0x1e, 0x8e, 0x3e));
            model.setItem(row, 2, status);
        }
        QTableView view;
        view.setModel(&model);
        view.setTextElideMode(Qt::ElideRight);
        view.setWordWrap(false);
        view.resize(420, 200);
        view.setColumnWidth(0, 150);
        view.selectRow(1);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage styled = view.grab().toImage();
        view.setItemDelegate(new CachedTextDelegate(&view));
        const QImage cached = view.grab().toImage();
        const QImage again = view.grab().toImage();
        QCOMPARE(cached.size(), styled.size());
        qsizetype differing = 0;
        for (int y = 0; y < styled.height(); ++y) {
            for (int x = 0; x < styled.width(); ++x) {
                differing += styled.pixel(x, y) != cached.pixel(x, y) ? 1 : 0;
            }
        }
        // Glyphs may land a fraction of a pixel apart (antialiased edges: 244 pixels here); an
        // unelided text differed in 2,080.
        QVERIFY2(differing < styled.width() * styled.height() / 100,
                 qPrintable(QString::number(differing)));
        QCOMPARE(again, cached);
    }

    // Rows deleted elsewhere: a page read far down finds the table shorter than counted, and
    // the count it asks for shrinks the table, though the next page is already in flight (that
    // count used to be taken for a reload's and dropped). Then the model stops asking.
    void aTableLongerThanItsRowsShrinksToTheCount()
    {
        FakeAdminService service;
        service.addJobs(65);
        JobTableModel model(&service, nullptr);
        model.setPageSize(10);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 65);
        QTRY_VERIFY(!model.isLoading());
        service.rows.removeIf([](const JobRecord& job) { return job.id < 56; }); // the 10 loaded
        model.fetchRows(60, 64);
        QTRY_COMPARE(model.rowCount(), 10);
        QTRY_VERIFY(!model.isLoading());
        const qsizetype counts = service.calls.count(QStringLiteral("countJobs"));
        QTest::qWait(300);
        QCOMPARE(service.calls.count(QStringLiteral("countJobs")), counts);
        model.fetchRows(0, 9); // what the view does when it paints them again
        QTRY_COMPARE(model.record(0).id, 65);
        QCOMPARE(model.record(9).id, 56);
    }

    void actionsSayWhatTheyDid()
    {
        FakeAdminService service;
        const QList<qint64> ids = service.addJobs(3);
        JobActions actions(&service, nullptr);
        QSignalSpy messages(&actions, &JobActions::message);
        QSignalSpy changed(&actions, &JobActions::databaseChanged);
        actions.setPriority({ids[0], ids[1], 999}, 250);
        QTRY_COMPARE(messages.size(), 1);
        QVERIFY2(messages.last().first().toString().startsWith(
                     QStringLiteral("Priority of 2 image(s) set to 250")),
                 qPrintable(messages.last().first().toString()));
        QCOMPARE(service.find(ids[0])->priority, 250);
        QCOMPARE(changed.size(), 1);

        actions.cancel({ids[2]});
        QTRY_COMPARE(messages.size(), 2);
        QCOMPARE(service.find(ids[2])->status, JobStatus::Cancelled);

        // The service's own refusal reaches the status bar; nothing changes.
        actions.setPriority({ids[0]}, 5000);
        QTRY_COMPARE(messages.size(), 3);
        QVERIFY(messages.last().first().toString().contains(QStringLiteral("-1000 to 1000")));
        QCOMPARE(service.find(ids[0])->priority, 250);
        QCOMPARE(changed.size(), 2);
    }

    void deleteNamesHowManyAndIsForAdminsOnly()
    {
        FakeAdminService service;
        const QList<qint64> ids = service.addJobs(3);
        JobActions actions(&service, nullptr);
        actions.setSelectionProvider([&ids] { return ids; });
        QVERIFY(JobActions::deleteQuestion(3).startsWith(QStringLiteral("Delete 3 image(s)?")));
        QSignalSpy messages(&actions, &JobActions::message);
        actions.deleteJobs({ids[0], ids[1], 999});
        QTRY_COMPARE(messages.size(), 1);
        QVERIFY2(
            messages.last().first().toString().startsWith(QStringLiteral("2 image(s) deleted")),
            qPrintable(messages.last().first().toString()));
        QCOMPARE(service.rows.size(), 1);
        QVERIFY(actions.deleteAction()->isEnabled());
        actions.setIdentity({QStringLiteral("otto"), Role::Operator});
        QVERIFY(!actions.deleteAction()->isEnabled());
        QVERIFY(actions.deleteAction()->toolTip().contains(QStringLiteral("otto (operator)")));
        actions.setIdentity({QStringLiteral("ada"), Role::Admin});
        QVERIFY(actions.deleteAction()->isEnabled());
    }

    void exportWritesEveryMatchingJob()
    {
        FakeAdminService service;
        service.addJobs(7);
        JobActions actions(&service, nullptr);
        actions.setFilterProvider([] { return JobQuery(); });
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jobs.csv"));
        QFuture<Result<int>> written = actions.exportTo(path, ExportFormat::Csv, {});
        QTRY_VERIFY(written.isFinished());
        QCOMPARE(written.result().value(), 7);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\r\n"), 8); // header + 7 rows
    }

    void statsPollerAsksForThroughputEveryFewPolls()
    {
        FakeAdminService service;
        service.addJobs(4, JobStatus::Queued, 10);
        StatsPoller poller(&service, 60'000, nullptr);
        QSignalSpy stats(&poller, &StatsPoller::statsUpdated);
        QSignalSpy throughput(&poller, &StatsPoller::throughputUpdated);
        poller.start();
        QTRY_COMPARE(throughput.size(), 1);
        QCOMPARE(stats.size(), 1);
        QCOMPARE(poller.last().queueDepth.value(10), 4);
        poller.pollNow();
        QTRY_COMPARE(stats.size(), 2);
        QCOMPARE(throughput.size(), 1); // not on every poll
        poller.stop();
    }

    void uploadGoesInBatchesAndStopsOnCancel()
    {
        FakeAdminService service;
        QStringList paths;
        for (int i = 0; i < 3 * kSubmissionBatchFiles; ++i) {
            paths.append(QStringLiteral("/photos/img%1.png").arg(i));
        }
        paths.append(QStringLiteral("/photos/bad.png"));
        paths.append(QStringLiteral("/photos/missing.png"));
        UploadController controller(&service);
        QSignalSpy finished(&controller, &UploadController::finished);
        SubmissionOptions options;
        options.priority = 7;
        controller.start(paths, options);
        QTRY_COMPARE(finished.size(), 1);
        auto summary = finished.first().first().value<UploadSummary>();
        QCOMPARE(summary.ids.size(), 3 * kSubmissionBatchFiles);
        QCOMPARE(summary.failures.size(), 2);
        QCOMPARE(service.calls.count(QStringLiteral("submitBatch")), 4);
        QCOMPARE(service.find(summary.ids.first())->priority, 7);

        // Cancelled once the first batch is on its way: the rest is listed, not sent.
        UploadController second(&service);
        QSignalSpy secondFinished(&second, &UploadController::finished);
        connect(
            &second, &UploadController::scanned, &second, [&second] { second.cancel(); },
            Qt::QueuedConnection);
        second.start(paths.mid(0, 3 * kSubmissionBatchFiles), {});
        QTRY_COMPARE(secondFinished.size(), 1);
        summary = secondFinished.first().first().value<UploadSummary>();
        QVERIFY(summary.cancelled);
        QCOMPARE(summary.ids.size(), kSubmissionBatchFiles);
    }

    void theStatusBarNeverShowsAPassword()
    {
        // Found by bench/fuzz/fuzz_conninfo: an empty value let the next keyword through.
        for (const QString& conninfo :
             {QStringLiteral("host=/p dbname= password=s3cret-value"),
              QStringLiteral("host= password=s3cret-value dbname=x"),
              QStringLiteral("host=b g://h5&password=s3cret-value"),
              QStringLiteral(
                  "postgresql://px:s3cret-value@db.example.org/pix?password=s3cret-value")}) {
            const QString shown = describePostgres(conninfo);
            QVERIFY2(!shown.contains(QStringLiteral("s3cret")), qPrintable(shown));
        }
        QCOMPARE(describePostgres(QStringLiteral("host=db.example.org port=5433 dbname=pix")),
                 QStringLiteral("PostgreSQL pix on db.example.org:5433"));
    }

    void workersWithOtherSettingsStandOut()
    {
        WorkersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<WorkerInfo> workers;
        for (const char* fingerprint : {"aaa", "aaa", "bbb"}) {
            WorkerInfo worker;
            worker.id = QStringLiteral("w%1").arg(workers.size());
            worker.settingsFingerprint = QLatin1String(fingerprint);
            workers.append(worker);
        }
        model.setWorkers(workers);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.index(0, 0).data(WorkersModel::SettingsDifferRole).toBool());
        QVERIFY(!model.index(1, 0).data(WorkersModel::SettingsDifferRole).toBool());
        QVERIFY(model.index(2, 0).data(WorkersModel::SettingsDifferRole).toBool());
        QVERIFY(
            model.index(2, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("differ")));
    }

    void dispatchIsPausedResumedAndExplained()
    {
        FakeAdminService* service = nullptr;
        ConsoleSession session(fakeEnvironment(&service));
        session.start();
        QTRY_VERIFY(session.isReady());
        service->addJobs(3);
        service->rows[0].attempts = 1; // waiting out a retry's backoff
        MainWindow window(&session);
        window.resize(1400, 800);
        window.show();
        service->workers = {liveEngine(QStringLiteral("gpu-box:41:a1"), 900, 180, "running"),
                            liveEngine(QStringLiteral("cpu-box:7:b2"), 60, 12, "paused")};
        service->workers[1].pipelines = {QStringLiteral("noop")};
        service->paused = {QStringLiteral("*")};
        service->readyByPipeline = {{QStringLiteral("default"), 3},
                                    {QStringLiteral("metadata"), 2}};
        window.poller()->pollNow();
        DispatchBanner* banner = window.dispatchBanner();
        QTRY_VERIFY(!banner->text().isEmpty());
        QVERIFY(banner->text().contains(QStringLiteral("Dispatch is paused")));
        QVERIFY2(banner->text().contains(QStringLiteral("2 jobs wait for pipeline metadata")),
                 qPrintable(banner->text()));
        DispatchControl* control = window.dispatchControl();
        QVERIFY(control->pauseAllAction()->isChecked());
        QCOMPARE(control->pipelinesMenu()->actions().size(), 3); // default, metadata, noop

        // The workers table: health columns, sortable by memory as a number.
        window.tabs()->setCurrentIndex(1);
        QTableView* workers = window.dashboard()->workersView();
        QTRY_COMPARE(workers->model()->rowCount(), 2);
        workers->sortByColumn(WorkersModel::Memory, Qt::DescendingOrder);
        QCOMPARE(workers->model()->index(0, WorkersModel::Memory).data().toString(),
                 QStringLiteral("900 MiB"));
        QCOMPARE(workers->model()->index(1, WorkersModel::State).data().toString(),
                 QStringLiteral("paused"));
        QVERIFY(workers->model()
                    ->index(0, WorkersModel::Device)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Test CPU")));
        QCOMPARE(window.dashboard()->figure(QStringLiteral("workers")), QStringLiteral("2"));
        test::saveScreenshot(&window, QStringLiteral("dashboard-dispatch-paused.png"));

        // Engine actions act on the selected row; resume everything from the banner's action.
        QVERIFY(!control->pauseEngineAction()->isEnabled()); // nothing selected
        workers->selectRow(1);
        QVERIFY(control->pauseEngineAction()->isEnabled());
        control->resumeEngineAction()->trigger();
        QTRY_VERIFY(service->calls.contains(QStringLiteral("resume cpu-box:7:b2")));
        control->pauseAllAction()->trigger(); // checked → unchecked: resume
        QTRY_VERIFY(service->calls.contains(QStringLiteral("resume")));
        QTRY_VERIFY(!banner->text().contains(QStringLiteral("Dispatch is paused")));
        QVERIFY(banner->text().contains(QStringLiteral("metadata"))); // still unserved
        QVERIFY(!control->pauseAllAction()->isChecked());
        // The dashboard's window: an hour of throughput on the next poll.
        window.dashboard()->windowSelector()->setCurrentIndex(1);
        QTRY_VERIFY(service->calls.contains(QStringLiteral("finishedPerMinute 60")));
        QCOMPARE(window.poller()->throughputMinutes(), 60);

        // Retry Now on the selected job.
        window.tabs()->setCurrentIndex(0);
        JobTableView* view = window.imagesPage()->view();
        QTRY_VERIFY(view->model()->rowCount() == 3);
        view->selectRow(view->model()->rowCount() - 1); // the oldest: id 1
        QTRY_VERIFY(window.actions()->retryNowAction()->isEnabled());
        window.actions()->retryNowAction()->trigger();
        QTRY_VERIFY(service->calls.contains(QStringLiteral("retryNow")));

        // A rate limit shows on its pipeline's entry.
        control->setRateLimit(QStringLiteral("metadata"), 5);
        QTRY_VERIFY(service->calls.contains(QStringLiteral("limit metadata")));
        QTRY_VERIFY(std::any_of(control->pipelinesMenu()->actions().cbegin(),
                                control->pipelinesMenu()->actions().cend(), [](QAction* action) {
                                    return action->text() ==
                                           QStringLiteral("metadata (at most 5/s)");
                                }));

        // A viewer sees the controls disabled, with the reason.
        control->setIdentity({QStringLiteral("vera"), Role::Viewer});
        QVERIFY(!control->pauseAllAction()->isEnabled());
        QVERIFY(control->pauseAllAction()->toolTip().contains(QStringLiteral("vera (viewer)")));
    }

    void alertsOnFailureSpikesAndTheLastEngineGoing()
    {
        AlertWatcher watcher;
        QSignalSpy alerts(&watcher, &AlertWatcher::alert);
        QueueStats stats;
        stats.counts[JobStatus::Queued] = 50;
        stats.counts[JobStatus::Completed] = 100;
        stats.counts[JobStatus::Failed] = 2;
        stats.workers = {liveEngine(QStringLiteral("box:1:a"), 100, 10, "running")};
        watcher.observe(stats);
        stats.counts[JobStatus::Completed] = 120;
        stats.counts[JobStatus::Failed] = 6; // a few failures among successes: quiet
        watcher.observe(stats);
        QCOMPARE(alerts.size(), 0);
        stats.counts[JobStatus::Failed] = 30; // 24 failed, nothing completed
        watcher.observe(stats);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.last().first().toString(), QStringLiteral("Failures are spiking"));
        stats.counts[JobStatus::Failed] = 60; // still spiking: not again
        watcher.observe(stats);
        QCOMPARE(alerts.size(), 1);
        stats.workers.first().alive = false; // the last engine's key expired
        watcher.observe(stats);
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts.last().first().toString(), QStringLiteral("No engine is running"));
        QVERIFY(alerts.last().at(1).toString().contains(QStringLiteral("50 job(s) wait")));
        watcher.observe(stats);
        QCOMPARE(alerts.size(), 2); // once per episode
    }

    void actionsApplyToEveryJobTheFilterMatches()
    {
        FakeAdminService service;
        const QList<qint64> ids = service.addJobs(6);
        for (int i = 0; i < 3; ++i) {
            service.find(ids[i])->pipeline = QStringLiteral("noop");
        }
        JobActions actions(&service, nullptr);
        JobQuery filter;
        filter.pipeline = QStringLiteral("noop");
        actions.setFilterProvider([&filter] { return filter; });
        QVERIFY(JobActions::matchingQuestion(FilterAction::Cancel, 1234, 0)
                    .startsWith(QStringLiteral("Cancel all 1,234 images matching this filter?")));
        QSignalSpy messages(&actions, &JobActions::message);
        actions.applyToMatching(FilterAction::Cancel);
        QTRY_COMPARE(messages.size(), 1);
        QCOMPARE(messages.last().first().toString(),
                 QStringLiteral("3 of 3 matching images changed"));
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(service.find(ids[i])->status,
                     i < 3 ? JobStatus::Cancelled : JobStatus::Queued);
        }
        // The filter dialog: what it sets round-trips, and the button counts it.
        JobQuery more;
        more.pipeline = QStringLiteral("default");
        more.label = QStringLiteral("Porn");
        more.labelMin = 0.8;
        more.faces = 2;
        more.facesOrMore = true;
        JobFilterDialog dialog(more);
        const JobQuery back = dialog.filters();
        QCOMPARE(back.pipeline, more.pipeline);
        QCOMPARE(back.label, more.label);
        QCOMPARE(back.labelMin.value_or(0), 0.8);
        QCOMPARE(back.faces.value_or(-1), 2);
        QVERIFY(back.facesOrMore);
        QVERIFY(!back.minPriority && back.worker.isEmpty());
        QCOMPARE(JobFilterDialog::activeCount(back), 3);
        test::saveScreenshot(&dialog, QStringLiteral("filter-dialog.png"));
    }

    void detailPaneShowsTheCamera()
    {
        FakeAdminService service;
        const qint64 id = service.addJobs(1, JobStatus::Completed).first();
        service.find(id)->result = QJsonObject{
            {QStringLiteral("metadata"),
             QJsonObject{
                 {QStringLiteral("exif"),
                  QJsonObject{{QStringLiteral("make"), QStringLiteral("Pixelnest")},
                              {QStringLiteral("model"), QStringLiteral("PX-1")},
                              {QStringLiteral("lens"), QStringLiteral("PX 35mm F2.8")},
                              {QStringLiteral("taken_at"), QStringLiteral("2026-11-30T10:31:05")},
                              {QStringLiteral("exposure"),
                               QJsonObject{{QStringLiteral("time_s"), 0.004},
                                           {QStringLiteral("f_number"), 2.8},
                                           {QStringLiteral("iso"), 200},
                                           {QStringLiteral("focal_length_mm"), 35}}},
                              {QStringLiteral("gps"),
                               QJsonObject{{QStringLiteral("lat"), 37.566389},
                                           {QStringLiteral("lon"), -126.978056}}}}}}}};
        DetailPane pane(&service);
        QSignalSpy loaded(&pane, &DetailPane::detailLoaded);
        pane.showJob(id);
        QTRY_COMPARE(loaded.size(), 1);
        const QString text = pane.metadataText();
        QVERIFY2(text.contains(QStringLiteral("Camera: Pixelnest PX-1")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Lens: PX 35mm F2.8")));
        QVERIFY(text.contains(QStringLiteral("Exposure: 1/250 s · f/2.8 · ISO 200 · 35 mm")));
        QVERIFY(text.contains(QStringLiteral("37.56639° N, 126.97806° W")));
    }

    void uploadDialogSchedulesAndExpires()
    {
        UploadDialog dialog({QStringLiteral("a.png")});
        QVERIFY(!dialog.options().notBefore.isValid());
        QVERIFY(!dialog.options().expiresAt.isValid());
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(7200);
        dialog.setSchedule(start, 30);
        const UploadOptions options = dialog.options();
        QVERIFY(qAbs(options.notBefore.secsTo(start)) < 60); // to the minute the field shows
        QCOMPARE(options.notBefore.secsTo(options.expiresAt), 30 * 60);
    }

    void sessionJudgesOutagesByServiceNotByText()
    {
        FakeAdminService* service = nullptr;
        ConsoleSession session(fakeEnvironment(&service));
        QSignalSpy ready(&session, &ConsoleSession::ready);
        QSignalSpy resynced(&session, &ConsoleSession::resynced);
        session.start();
        QTRY_COMPARE(ready.size(), 1);
        QVERIFY(service->calls.contains(QStringLiteral("setConnection")));
        QCOMPARE(service->connection.redis, QStringLiteral("redis://fake:6379/0"));
        QVERIFY(session.isConnected());

        // A Redis outage whose message does not say "Redis": still read as Redis, so the
        // console stays writable (PostgreSQL holds the change, the reconciler dispatches it).
        Q_EMIT service->availabilityChanged(Service::Redis, false, QStringLiteral("refused"));
        QVERIFY(session.isConnected());
        QCOMPARE(session.outageMessage(), QStringLiteral("refused"));
        // A PostgreSQL outage whose message says "Redis" is still PostgreSQL: read-only.
        Q_EMIT service->availabilityChanged(Service::PostgreSQL, false,
                                            QStringLiteral("Redis-like words"));
        QVERIFY(!session.isConnected());
        Q_EMIT service->availabilityChanged(Service::PostgreSQL, true, {});
        Q_EMIT service->availabilityChanged(Service::Redis, true, {});
        QVERIFY(session.isConnected());
        QVERIFY(session.outageMessage().isEmpty());

        // Live events lost and back: consumers are told to reload what they show.
        Q_EMIT service->liveEventsChanged(false, QStringLiteral("gone"));
        QVERIFY(!session.isConnected());
        Q_EMIT service->liveEventsChanged(true, {});
        QCOMPARE(resynced.size(), 1);
        QVERIFY(session.isConnected());
    }
};

QTEST_MAIN(TestConsoleFake)
#include "tst_consolefake.moc"
