// The Images table's model against real servers: paging, filter, search, sort by every column
// (compared with PostgreSQL's own ORDER BY), live updates from NOTIFY when an engine finishes
// jobs (coalesced into one dataChanged per tick), new rows on top; and the small models.
#include "enginefixture.h"
#include "models/attempthistorymodel.h"
#include "models/jobcolumns.h"
#include "models/jobtablemodel.h"
#include "models/loadedrows.h"
#include "models/statuscountmodel.h"
#include "models/workersmodel.h"
#include "pixelnest/jobevents.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>

using namespace pixelnest;
using namespace pixelnest::ui;
using test::EngineFixture;

namespace
{

// Reads every row of the model (as a view that showed them all would).
bool loadAll(JobTableModel& model, int timeoutMs = 20'000)
{
    return EngineFixture::waitFor(
        [&model] {
            if (model.isLoading()) {
                return false;
            }
            model.fetchRows(0, model.rowCount() - 1);
            return model.isLoaded(0, model.rowCount() - 1);
        },
        timeoutMs);
}

// Asks for rows first..last (as painting them would) and waits until they are loaded.
bool loadRows(JobTableModel& model, int first, int last)
{
    return EngineFixture::waitFor(
        [&] {
            model.fetchRows(first, last);
            return !model.isLoading() && model.isLoaded(first, last);
        },
        20'000);
}

QList<qint64> modelIds(const JobTableModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.append(model.record(row).id);
    }
    return ids;
}

QList<qint64> sqlIds(const QString& conninfo, const QByteArray& orderBy,
                     const QByteArray& where = "true")
{
    const engine::PgResult rows =
        test::execSql(conninfo, "SELECT id FROM images i WHERE " + where + " ORDER BY " + orderBy);
    QList<qint64> ids;
    for (int row = 0; row < rows.rows(); ++row) {
        ids.append(rows.integer(row, 0));
    }
    return ids;
}

// 230 jobs with varied titles, statuses, priorities, workers, errors, finish times (many
// equal values, so the id tie-break matters), written straight into the table.
void seed(const QString& conninfo)
{
    test::execSql(conninfo,
                  "INSERT INTO images (title, status, priority, format, byte_size, attempts, "
                  "worker, error, finished_at) SELECT "
                  "CASE WHEN g % 7 = 0 THEN 'cat_' || g || '.jpg' WHEN g % 11 = 0 THEN "
                  "'50%_off ' || g ELSE 'photo ' || (g % 13) END, "
                  "(ARRAY['queued','processing','completed','failed','cancelled'])"
                  "[1 + g % 5]::job_status, (g % 5) * 250 - 500, 'png', 100, g % 4, "
                  "CASE WHEN g % 3 = 0 THEN NULL ELSE 'host:' || (g % 4) END, "
                  "CASE WHEN g % 5 = 3 THEN 'error ' || (g % 6) END, "
                  "CASE WHEN g % 5 >= 2 THEN timestamptz '2024-01-01 00:00:00.1234+00' + "
                  "(g % 9) * interval '1.5 ms' END FROM generate_series(1, 230) g");
}

// A fresh database with those 230 jobs, the admin service on it and the model (checked by
// QAbstractItemModelTester throughout).
struct SeededTable
{
    explicit SeededTable(int pageSize)
    {
        seed(conninfo);
        model.setPageSize(pageSize);
    }
    EngineFixture fixture;
    QString conninfo = fixture.connections().postgres;
    std::unique_ptr<AdminService> service = test::serviceFor(fixture.connections(), fixture.ns());
    JobTableModel model{service.get(), nullptr};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestJobTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    void pagesFilterSearchAndSort()
    {
        SeededTable table(40);
        JobTableModel& model = table.model;
        const QString& conninfo = table.conninfo;
        model.fetchRows(0, 10);
        QCOMPARE(model.rowCount(), 0); // inactive until the first reload
        model.reload();
        // The first page, then the count: the row count is every matching row at once.
        QTRY_COMPARE(model.rowCount(), 230);
        QVERIFY(loadAll(model));
        QCOMPARE(modelIds(model), sqlIds(conninfo, "id DESC"));

        // Every column, both directions, against PostgreSQL's own order.
        const QList<QPair<JobColumn, QByteArray>> orders{
            {JobColumn::Title, "title"},
            {JobColumn::Status, "status"},
            {JobColumn::Priority, "priority"},
            {JobColumn::Attempts, "attempts"},
            {JobColumn::Worker, "coalesce(worker, '')"},
            {JobColumn::Created, "id"},
            // Milliseconds (as shown and as the cursor carries them), ties by id.
            {JobColumn::Finished, "coalesce(date_trunc('milliseconds', (finished_at AT TIME "
                                  "ZONE 'UTC') + interval '500 microseconds'), '-infinity')"},
            {JobColumn::Error, "coalesce(error, '')"},
        };
        for (const auto& [column, expression] : orders) {
            for (const bool descending : {false, true}) {
                const QByteArray direction = descending ? " DESC" : " ASC";
                model.sort(int(column), descending ? Qt::DescendingOrder : Qt::AscendingOrder);
                QVERIFY(loadAll(model));
                QCOMPARE(modelIds(model),
                         sqlIds(conninfo, expression + direction + ", id" + direction));
            }
        }

        model.sort(int(JobColumn::Priority), Qt::DescendingOrder);
        model.setStatusFilter(JobStatus::Failed);
        QVERIFY(loadAll(model));
        QCOMPARE(modelIds(model), sqlIds(conninfo, "priority DESC, id DESC", "status = 'failed'"));
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(
                model.index(row, int(JobColumn::Status)).data(JobTableModel::StatusRole).toString(),
                QStringLiteral("failed"));
        }

        // Search is literal: % and _ are characters, not wildcards; case-insensitive.
        model.setStatusFilter(std::nullopt);
        model.setTitleFilter(QStringLiteral("50%_OFF"));
        QVERIFY(loadAll(model));
        QCOMPARE(modelIds(model),
                 sqlIds(conninfo, "priority DESC, id DESC", "title LIKE '50\\%\\_off %'"));
        QVERIFY(model.rowCount() > 5);
        model.setTitleFilter(QStringLiteral("cat_"));
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), int(sqlScalarCount(conninfo, "title LIKE 'cat\\_%'")));
    }

    // The scrollbar is to scale: a jump to any row reads that row's page only, from the nearest
    // known place (the start, the end in reverse, or next to loaded rows), in any order.
    void jumpsAnywhereWithoutLoadingWhatIsBefore()
    {
        SeededTable table(20);
        JobTableModel& model = table.model;
        const QString& conninfo = table.conninfo;
        const QList<QPair<JobColumn, QByteArray>> orders{
            {JobColumn::Id, "id DESC"},
            {JobColumn::Status, "status ASC, id ASC"}, // many ties: the id decides
            // Every status is seeded: attempts, error and worker change as a job runs.
            {JobColumn::Attempts, "attempts ASC, id ASC"},
            {JobColumn::Error, "left(coalesce(error, ''), 200) DESC, id DESC"},
            {JobColumn::Worker, "coalesce(worker, '') DESC, id DESC"}, // the order kept below
        };
        for (const auto& [column, orderBy] : orders) {
            model.sort(int(column),
                       orderBy.contains("DESC") ? Qt::DescendingOrder : Qt::AscendingOrder);
            model.reload();
            QTRY_COMPARE(model.rowCount(), 230);
            QTRY_VERIFY(!model.isLoading());
            const QList<qint64> expected = sqlIds(conninfo, orderBy);
            const auto rowsMatch = [&](int first, int last) {
                for (int row = first; row <= last; ++row) {
                    if (model.record(row).id != expected.at(row)) {
                        qWarning() << "row" << row << model.record(row).id << expected.at(row);
                        return false;
                    }
                }
                return true;
            };
            // The middle: from the start with OFFSET; nothing before it is read.
            QVERIFY(loadRows(model, 100, 104));
            QVERIFY(rowsMatch(100, 104));
            QVERIFY(!model.isLoaded(50, 50));
            QCOMPARE(model.loadedCount(), 40); // the first page and this one
            // Near the end: in reverse from the end.
            QVERIFY(loadRows(model, 225, 229));
            QVERIFY(rowsMatch(210, 229));
            QCOMPARE(model.loadedCount(), 60);
            // Just before a loaded block: in reverse from its first row.
            QVERIFY(loadRows(model, 95, 99));
            QVERIFY(rowsMatch(80, 119));
            // Just after one: keyset after its last row.
            QVERIFY(loadRows(model, 120, 125));
            QVERIFY(rowsMatch(120, 139));
            QVERIFY(loadAll(model));
            QVERIFY(rowsMatch(0, 229));
        }

        // A filter counts its own rows; a short last page ends the table.
        model.setStatusFilter(JobStatus::Failed);
        QTRY_COMPARE(model.rowCount(), int(sqlScalarCount(conninfo, "status = 'failed'")));
        QVERIFY(loadAll(model));
        QCOMPARE(modelIds(model),
                 sqlIds(conninfo, "coalesce(worker, '') DESC, id DESC", "status = 'failed'"));
        model.setStatusFilter(JobStatus::Queued);
        QTRY_COMPARE(model.rowCount(), int(sqlScalarCount(conninfo, "status = 'queued'")));
        QVERIFY(loadAll(model));
        QCOMPARE(modelIds(model),
                 sqlIds(conninfo, "coalesce(worker, '') DESC, id DESC", "status = 'queued'"));
        // Rows deleted behind the model's back (another admin's purge).
        model.setStatusFilter(std::nullopt);
        QTRY_COMPARE(model.rowCount(), 230);
        QTRY_VERIFY(!model.isLoading());
        test::execSql(conninfo, "DELETE FROM images WHERE id IN (SELECT id FROM images ORDER BY "
                                "coalesce(worker, '') ASC, id ASC LIMIT 30)");
        // The end, read in reverse from a stale count, lands 30 rows too low; filling the gap
        // then finds rows twice, and the model re-counts and re-reads what it needs.
        QVERIFY(loadRows(model, 225, 229));
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(modelIds(model), sqlIds(conninfo, "coalesce(worker, '') DESC, id DESC"));
    }

    void liveUpdateWhenTheEngineFinishes()
    {
        EngineFixture fixture;
        const QList<qint64> ids = fixture.submit(5, 0, QStringLiteral("metadata"));
        const auto service = test::serviceFor(fixture.connections(), fixture.ns());
        JobTableModel model(service.get(), nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        JobEventListener events(fixture.connections().postgres);
        QSignalSpy connected(&events, &JobEventListener::connectionChanged);
        connect(&events, &JobEventListener::jobsChanged, &model, &JobTableModel::noteChanged);
        events.start();
        QTRY_VERIFY(events.isConnected());
        model.reload();
        QTRY_COMPARE(model.rowCount(), 5);
        for (int row = 0; row < 5; ++row) {
            QCOMPARE(model.record(row).status, JobStatus::Queued);
        }
        int fullRowChanges = 0;
        connect(&model, &JobTableModel::dataChanged, this,
                [&fullRowChanges](const QModelIndex&, const QModelIndex&, const QList<int>& roles) {
                    fullRowChanges += roles.isEmpty() ? 1 : 0;
                });
        QElapsedTimer elapsed;
        elapsed.start();
        fixture.startEngine(fixture.engineConfig());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&model] {
                for (int row = 0; row < model.rowCount(); ++row) {
                    if (model.record(row).status != JobStatus::Completed) {
                        return false;
                    }
                }
                return true;
            }(),
            20'000);
        // Queued → processing → completed for five jobs is at least ten NOTIFY'd changes, yet
        // the model emits at most one dataChanged per 250 ms tick.
        QVERIFY2(fullRowChanges <= elapsed.elapsed() / JobTableModel::kTickMs + 1,
                 qPrintable(QStringLiteral("%1 dataChanged in %2 ms")
                                .arg(fullRowChanges)
                                .arg(elapsed.elapsed())));
        QVERIFY(fullRowChanges >= 1);
        QCOMPARE(model.record(0).worker.isEmpty(), false);
        QVERIFY(model.record(0).finishedAt.isValid());

        // New images appear on top, newest first.
        const QList<qint64> more = fixture.submit(3, 0, QStringLiteral("metadata"));
        QTRY_COMPARE(model.rowCount(), 8);
        QCOMPARE(model.record(0).id, more.last());
        QCOMPARE(model.record(3).id, ids.last());
        QTRY_COMPARE_WITH_TIMEOUT(model.record(0).status, JobStatus::Completed, 20'000);
    }

    // The loaded rows of a long table: blocks merge when they touch, a page over loaded rows
    // replaces them, rows inserted on top push every block down, a shorter table cuts them.
    void loadedRowsKeepBlocksAndIds()
    {
        const auto jobs = [](qint64 firstId, int count) {
            QList<JobRecord> rows;
            for (int i = 0; i < count; ++i) {
                JobRecord job;
                job.id = firstId + i;
                rows.append(job);
            }
            return rows;
        };
        LoadedRows rows;
        rows.place(10, jobs(110, 5)); // rows 10..14
        QCOMPARE(rows.firstMissing(0, 20), 0);
        QCOMPARE(rows.firstMissing(10, 20), 15);
        LoadedRows::Gap gap = rows.gapAround(3, 100);
        QCOMPARE(gap.start, 0);
        QCOMPARE(gap.end, 10);
        QVERIFY(gap.before == nullptr);
        QCOMPARE(gap.after->id, 110);
        gap = rows.gapAround(50, 100);
        QCOMPARE(gap.start, 15);
        QCOMPARE(gap.end, 100);
        QCOMPARE(gap.before->id, 114);
        rows.place(0, jobs(100, 10)); // rows 0..9 touch rows 10..14: one block
        QCOMPARE(rows.firstMissing(0, 14), -1);
        QCOMPARE(rows.ids(8, 11), (QList<qint64>{108, 109, 110, 111}));
        rows.place(12, jobs(500, 4)); // over rows 12..14, and on to 15
        QCOMPARE(rows.at(12)->id, 500);
        QCOMPARE(rows.at(15)->id, 503);
        QCOMPARE(rows.at(11)->id, 111);
        QCOMPARE(rows.rowOf(503), 15);
        rows.insertOnTop(jobs(900, 2));
        QCOMPARE(rows.at(0)->id, 900);
        QCOMPARE(rows.at(2)->id, 100);
        QCOMPARE(rows.rowOf(503), 17);
        QCOMPARE(rows.firstMissing(0, 17), -1);
        rows.truncate(5);
        QCOMPARE(rows.count(), 5);
        QVERIFY(rows.at(5) == nullptr);
        QCOMPARE(rows.rowOf(503), -1);
    }

    void statusCountModel()
    {
        StatusCountModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.statusAt(0), std::nullopt);
        QCOMPARE(model.index(4).data().toString(), QStringLiteral("Failed"));
        model.setCounts({{JobStatus::Queued, 3}, {JobStatus::Failed, 12}});
        QCOMPARE(model.index(4).data().toString(), QStringLiteral("Failed (12)"));
        QCOMPARE(model.index(0).data(StatusCountModel::CountRole).toLongLong(), 15);
        QCOMPARE(model.rowOf(JobStatus::Failed), 4);
        QCOMPARE(model.statusAt(4), JobStatus::Failed);
    }

    void workersModelMarksStaleWorkers()
    {
        WorkersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        WorkerInfo fresh{QStringLiteral("a:1:x"),
                         QStringLiteral("a"),
                         1,
                         QStringLiteral("cpu"),
                         2,
                         10,
                         1,
                         300,
                         {}};
        WorkerInfo stale{QStringLiteral("b:2:y"),
                         QStringLiteral("b"),
                         2,
                         QStringLiteral("cuda:0"),
                         0,
                         50,
                         3,
                         60'000,
                         {}};
        model.setWorkers({stale, fresh});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, WorkersModel::Host).data().toString(), QStringLiteral("a (pid 1)"));
        QVERIFY(!model.index(0, 0).data(WorkersModel::StaleRole).toBool());
        QVERIFY(model.index(1, 0).data(WorkersModel::StaleRole).toBool());
        QVERIFY(model.index(1, WorkersModel::LastSeen).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(0, WorkersModel::LastSeen).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(1, WorkersModel::LastSeen).data().toString(),
                 QStringLiteral("60 s ago"));
        fresh.processed = 11;
        model.setWorkers({fresh, stale}); // same set: values change in place
        QCOMPARE(model.index(0, WorkersModel::Processed).data().toLongLong(), 11);
        model.setWorkers({fresh}); // a different set: reset
        QCOMPARE(model.rowCount(), 1);
        model.setWorkers({});
        QCOMPARE(model.rowCount(), 0);
    }

    void attemptHistoryModel()
    {
        AttemptHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.setHistory({{1, QStringLiteral("w:1"), now, now, QStringLiteral("lease_lost"),
                           QStringLiteral("worker w:1 lost its lease")},
                          {2, QStringLiteral("w:2"), now, {}, QString(), QString()}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AttemptHistoryModel::Outcome).data().toString(),
                 QStringLiteral("lease lost"));
        QCOMPARE(model.index(1, AttemptHistoryModel::Outcome).data().toString(),
                 QStringLiteral("running"));
        QCOMPARE(model.index(1, AttemptHistoryModel::Finished).data().toString(),
                 QStringLiteral("—"));
        model.setHistory({});
        QCOMPARE(model.rowCount(), 0);
    }

    void cleanupTestCase() { waitForAdminThreads(10'000); }

private:
    static qint64 sqlScalarCount(const QString& conninfo, const QByteArray& where)
    {
        return test::sqlScalar(conninfo, "SELECT count(*) FROM images WHERE " + where);
    }
};

QTEST_MAIN(TestJobTableModel)
#include "tst_jobtablemodel.moc"
