// The PostgreSQL side of the lifecycle without an engine: fencing, lost leases, admin actions.
#include "enginefixture.h"
#include "store/adminstore.h"
#include "store/jobrows.h"
#include "store/jobstore.h"
#include "testimages.h"
#include "teststack.h"

#include <QTest>

#include <atomic>
#include <functional>
#include <thread>

using namespace pixelnest;
using namespace pixelnest::engine;

namespace
{

// Rows of `images` this connection has read by any scan: a sequential scan's rows, a bitmap
// scan's visits (counted on the table) and an index scan's visits (counted on the index, as
// idx_tup_fetch sums them). Its own counters, so no other connection's reads land in them; they
// keep counting until the backend flushes them (when it is idle, at most once a second), so a
// test takes the difference within one transaction. -1 on error.
qint64 imagesRowsRead(PgConnection& connection)
{
    const Result<PgResult> read =
        connection.exec("SELECT pg_stat_get_xact_tuples_returned('images'::regclass) "
                        "+ pg_stat_get_xact_tuples_fetched('images'::regclass) "
                        "+ (SELECT sum(pg_stat_get_xact_tuples_fetched(indexrelid)) "
                        "FROM pg_index WHERE indrelid = 'images'::regclass)");
    return read ? read->integer(0, 0) : -1;
}

} // namespace

class TestJobStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Migration 0006: the counts `stats` reads (appended deltas) equal a GROUP BY over images
    // after submits, claims, results, cancels, requeues, a delete and a fold, including a fold
    // racing other connections' writes.
    void statusCountsFollowEveryChange()
    {
        test::EngineFixture fixture;
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        JobStore store(connection);
        const auto matches = [&] {
            const Result<PgResult> truth = connection.exec(
                "SELECT s.status::text, coalesce(c.n, 0), coalesce(d.n, 0) "
                "FROM unnest(enum_range(NULL::job_status)) AS s(status) "
                "LEFT JOIN (SELECT status, count(*) AS n FROM images GROUP BY status) c "
                "ON c.status = s.status "
                "LEFT JOIN (SELECT status, sum(delta) AS n FROM status_counts GROUP BY status) d "
                "ON d.status = s.status");
            for (int row = 0; truth && row < truth->rows(); ++row) {
                if (truth->integer(row, 1) != truth->integer(row, 2)) {
                    qWarning() << truth->text(row, 0) << truth->integer(row, 1) << "counted as"
                               << truth->integer(row, 2);
                    return false;
                }
            }
            return truth.ok();
        };
        const QList<qint64> ids = fixture.submit(40);
        QVERIFY(matches());
        const QList<ClaimedJob> claimed =
            store.claim(ids.mid(0, 30), QStringLiteral("w:1")).value();
        QCOMPARE(claimed.size(), 30);
        QVERIFY(matches());
        QList<JobOutcome> outcomes;
        for (const ClaimedJob& job : claimed.mid(0, 20)) {
            JobOutcome outcome;
            outcome.id = job.id;
            outcome.attempt = job.attempt;
            outcome.result = QJsonObject{{QStringLiteral("ok"), true}};
            outcomes.append(outcome);
        }
        QCOMPARE(store.writeOutcomes(outcomes).value().size(), 20);
        QVERIFY(fixture.admin().cancel(ids.mid(30, 5)).ok());
        QVERIFY(fixture.admin().reprocess(ids.mid(0, 3)).ok());
        QVERIFY(matches());
        QVERIFY(connection.exec("DELETE FROM images WHERE id = ANY($1::bigint[])",
                                {"{" + QByteArray::number(ids.at(39)) + "}"}));
        QVERIFY(matches());

        // Folding races two writers: the sum never moves, and one row per status remains.
        std::atomic<bool> writing{true};
        std::thread writer([&] {
            while (writing) {
                fixture.submit(2);
            }
        });
        for (int i = 0; i < 20; ++i) {
            QVERIFY(store.foldStatusCounts().ok());
        }
        writing = false;
        writer.join();
        QVERIFY(store.foldStatusCounts().ok());
        QVERIFY(matches());
        const Result<PgResult> rows = connection.exec("SELECT count(*) FROM status_counts");
        QVERIFY(rows->integer(0, 0) <= 5);
        // What `stats` shows is these counts.
        const QMap<JobStatus, qint64> shown = fixture.admin().stats()->counts;
        QCOMPARE(shown.value(JobStatus::Cancelled), 5);
        QCOMPARE(shown.value(JobStatus::Processing), 10);
    }

    void staleWorkerWriteIsFencedOut()
    {
        test::EngineFixture fixture;
        const qint64 id = fixture.submit(1).first();
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        JobStore store(connection);

        const QList<ClaimedJob> first = store.claim({id}, QStringLiteral("host-a:1")).value();
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first().attempt, 1);
        QVERIFY(!first.first().bytes.isEmpty());
        // Worker A hangs; its lease expires and the job goes to worker B as attempt 2.
        QCOMPARE(store.releaseLostLeases({{id, "a"}}, 3).value().size(), 1);
        const QList<ClaimedJob> second = store.claim({id}, QStringLiteral("host-b:2")).value();
        QCOMPARE(second.first().attempt, 2);

        JobOutcome late;
        late.id = id;
        late.attempt = 1;
        late.result = QJsonObject{{QStringLiteral("from"), QStringLiteral("stale worker A")}};
        QVERIFY(store.writeOutcomes({late}).value().isEmpty()); // rejected: changes nothing
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'processing'")), 1);

        JobOutcome current = late;
        current.attempt = 2;
        current.result = QJsonObject{{QStringLiteral("from"), QStringLiteral("worker B")}};
        QCOMPARE(store.writeOutcomes({current}).value(), (QList<AttemptKey>{{id, 2}}));
        QCOMPARE(fixture.admin().job(id)->job.result.value(QStringLiteral("from")).toString(),
                 QStringLiteral("worker B"));
        // Retrying A's write after B's changes nothing either.
        QVERIFY(store.writeOutcomes({late}).value().isEmpty());
        const JobDetail detail = fixture.admin().job(id).value();
        QCOMPARE(detail.history.size(), 2);
        QCOMPARE(detail.history[0].outcome, QStringLiteral("lease_lost"));
        QVERIFY(detail.history[0].error.contains(QStringLiteral("host-a:1 lost its lease")));
        QCOMPARE(detail.history[1].outcome, QStringLiteral("completed"));
    }

    void lostLeaseFailsTheJobOnceAttemptsAreExhausted_data()
    {
        // The limit is the reaping engine's --max-attempts, not a number fixed at submit.
        QTest::addColumn<int>("limit");
        QTest::newRow("default") << 3;
        QTest::newRow("--max-attempts 1") << 1;
    }

    void lostLeaseFailsTheJobOnceAttemptsAreExhausted()
    {
        QFETCH(int, limit);
        test::EngineFixture fixture;
        const qint64 id = fixture.submit(1).first();
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        JobStore store(connection);
        for (int attempt = 1; attempt <= limit; ++attempt) {
            QCOMPARE(store.claim({id}, QStringLiteral("host:%1").arg(attempt)).value().size(), 1);
            const QList<QueuedJob> requeued = store.releaseLostLeases({{id, "x"}}, limit).value();
            QCOMPARE(requeued.size(), attempt < limit ? 1 : 0);
        }
        const JobRecord job = fixture.admin().job(id)->job;
        QCOMPARE(job.status, JobStatus::Failed);
        // A poison pill: every attempt of the round ended with its engine gone.
        QCOMPARE(job.error, QStringLiteral("engine stopped while processing this job %1 times "
                                           "(last: worker host:%1 lost its lease); gave up after "
                                           "%1 attempts")
                                .arg(limit));
    }

    void claimSkipsRowsThatAreNoLongerQueued()
    {
        test::EngineFixture fixture;
        const QList<qint64> ids = fixture.submit(3);
        QVERIFY(fixture.admin().cancel({ids[1]}).ok());
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        JobStore store(connection);
        const QList<ClaimedJob> claimed = store.claim(ids, QStringLiteral("h:1")).value();
        QCOMPARE(claimed.size(), 2);
        QCOMPARE(claimed[0].id, ids[0]);
        QCOMPARE(claimed[1].id, ids[2]);
    }

    void outOfRangePriorityIsRejected()
    {
        test::EngineFixture fixture;
        const qint64 id = fixture.submit(1).first();
        const Result<BulkOutcome> tooHigh = fixture.admin().setPriority({id}, 1001);
        QVERIFY(!tooHigh.ok());
        QCOMPARE(tooHigh.error().code, ErrorCode::InvalidInput);
        QCOMPARE(tooHigh.error().message,
                 QStringLiteral("priority 1001 is out of range: use an integer from -1000 to "
                                "1000 (higher runs first)"));
        const Result<SubmitReport> submitted =
            fixture.admin().submit({{QStringLiteral("x"), test::encodedImage(4, 4), -1001}});
        QVERIFY(submitted.ok());
        QVERIFY(submitted->ids.isEmpty());
        QCOMPARE(submitted->rejected.size(), 1);
        QVERIFY(submitted->rejected.first().error.message.contains(QStringLiteral("-1001")));
        QCOMPARE(fixture.admin().job(id)->job.priority, 0); // never clamped
    }

    void uploadsAreCheckedByContentBeforeAnythingIsStored()
    {
        test::EngineFixture fixture;
        EngineConfig small;
        small.service.ns = fixture.ns();
        small.limits.maxBytes = 50'000;
        small.limits.maxPixels = 1'000'000;
        auto client = AdminClient::connect(fixture.connections(), small).value();
        const Result<SubmitReport> report = client->submit({
            {QStringLiteral("photo.png"), test::encodedImage(32, 32, "PNG")},
            {QStringLiteral("looks-like.jpg"), QByteArray("just some text, no image at all")},
            {QStringLiteral("empty.png"), QByteArray()},
            {QStringLiteral("huge.png"), test::encodedImage(1200, 1000, "PNG")},
            {QStringLiteral("renamed.txt"), test::encodedImage(16, 16, "JPEG")},
        });
        QVERIFY(report.ok());
        QCOMPARE(report->accepted, (QList<int>{0, 4}));
        QCOMPARE(report->rejected.size(), 3);
        QVERIFY(report->rejected[0].error.message.contains(QStringLiteral("not an image")));
        QVERIFY(report->rejected[1].error.message.contains(QStringLiteral("empty")));
        QVERIFY2(report->rejected[2].error.message.contains(QStringLiteral("upload limit")) ||
                     report->rejected[2].error.message.contains(QStringLiteral("megapixel")),
                 qPrintable(report->rejected[2].error.message));
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), 2);
        // Format by content, not by name.
        QCOMPARE(client->job(report->ids[1])->job.format, QStringLiteral("jpeg"));
    }

    void reprocessAndCancelFollowTheLifecycle()
    {
        test::EngineFixture fixture;
        const QList<qint64> ids = fixture.submit(4);
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        JobStore store(connection);
        QCOMPARE(store.claim({ids[0], ids[1]}, QStringLiteral("h:1")).value().size(), 2);
        JobOutcome done;
        done.id = ids[0];
        done.attempt = 1;
        JobOutcome failed;
        failed.id = ids[1];
        failed.attempt = 1;
        failed.outcome = Outcome::Failed;
        failed.error = QStringLiteral("corrupt");
        QCOMPARE(store.writeOutcomes({done, failed}).value().size(), 2);

        // Queued jobs cannot be reprocessed; finished ones can.
        const BulkOutcome reprocessed =
            fixture.admin().reprocess({ids[0], ids[1], ids[2], 999'999}).value();
        QCOMPARE(reprocessed.changed, (QList<qint64>{ids[0], ids[1]}));
        QCOMPARE(reprocessed.unchanged, (QList<qint64>{ids[2]}));
        QCOMPARE(reprocessed.missing, (QList<qint64>{999'999}));
        const JobRecord again = fixture.admin().job(ids[1])->job;
        QCOMPARE(again.status, JobStatus::Queued);
        QVERIFY(again.error.isEmpty());

        const BulkOutcome cancelled = fixture.admin().cancel({ids[2], ids[3]}).value();
        QCOMPARE(cancelled.changed.size(), 2);
        QCOMPARE(fixture.admin().cancel({ids[2]}).value().unchanged, (QList<qint64>{ids[2]}));
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'cancelled'")), 2);
    }

    // Changes that name their rows by id find them through the primary key whatever the
    // statistics say: the claim (kClaimSql), cancel and retry-now (migration 0014). With 20,000
    // finished rows analysed while nothing was queued, and 600 jobs submitted since, each change
    // of 10 jobs reads about those 10 rows, not the whole queue (each read all 600: the planner
    // took the index of queued rows, which it believed empty).
    void changesByIdReadOnlyTheirRowsWhateverTheStatistics()
    {
        test::EngineFixture fixture;
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        JobStore store(connection);
        QVERIFY(connection
                    .exec("INSERT INTO images (title, status, format, byte_size, finished_at) "
                          "SELECT 'old-' || g, 'completed', 'jpeg', 1000, now() "
                          "FROM generate_series(1, 20000) g")
                    .ok());
        QVERIFY(connection.exec("ANALYZE images").ok()); // nothing queued, say the statistics
        const QList<qint64> queued = fixture.submit(600);
        const QByteArray retrying = idArrayLiteral(queued.mid(200, 10));
        QVERIFY(connection
                    .exec("UPDATE images SET not_before = now() + interval '1 hour' "
                          "WHERE id = ANY($1::bigint[])",
                          {retrying})
                    .ok());
        // How many rows of `images` `change` read, by any scan. -1 when it did not change 10
        // jobs.
        const auto rowsReadBy = [&](const std::function<qsizetype()>& change) -> qint64 {
            if (!connection.begin()) {
                return -1;
            }
            const qint64 before = imagesRowsRead(connection);
            const qsizetype changed = change();
            const qint64 after = imagesRowsRead(connection);
            if (!connection.commit() || changed != 10 || before < 0 || after < 0) {
                return -1;
            }
            return after - before;
        };
        const auto rowsOf = [&](const char* sql, const QList<qint64>& ids) -> qsizetype {
            const Result<PgResult> rows = connection.exec(sql, {idArrayLiteral(ids)});
            return rows ? rows->rows() : -1;
        };
        const qint64 claiming = rowsReadBy([&]() -> qsizetype {
            const Result<QList<ClaimedJob>> claimed =
                store.claim(queued.mid(300, 10), QStringLiteral("w:1"));
            return claimed ? claimed->size() : -1;
        });
        QVERIFY2(claiming >= 10 && claiming < 100, qPrintable(QString::number(claiming)));
        const qint64 cancelling = rowsReadBy(
            [&] { return rowsOf("SELECT pixelnest_cancel($1::bigint[])", queued.mid(400, 10)); });
        QVERIFY2(cancelling >= 10 && cancelling < 100, qPrintable(QString::number(cancelling)));
        const qint64 retryingNow = rowsReadBy([&] {
            return rowsOf("SELECT pixelnest_retry_now($1::bigint[])", queued.mid(200, 10));
        });
        QVERIFY2(retryingNow >= 10 && retryingNow < 100, qPrintable(QString::number(retryingNow)));
    }

    // A timed-out attempt's outcome and the task's late one can share a batch (LeaseKeeper):
    // the first stands, and the late one changes nothing, its thumbnail included.
    void theFirstOutcomeOfAnAttemptStands()
    {
        test::EngineFixture fixture;
        const qint64 id = fixture.submit(1).first();
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        JobStore store(connection);
        QCOMPARE(store.claim({id}, QStringLiteral("w:1")).value().size(), 1);
        JobOutcome timedOut;
        timedOut.id = id;
        timedOut.attempt = 1;
        timedOut.outcome = Outcome::Failed;
        timedOut.error = QStringLiteral("timed out after 30 s");
        JobOutcome late;
        late.id = id;
        late.attempt = 1;
        late.result = QJsonObject{{QStringLiteral("late"), true}};
        late.thumbnail = QByteArray("late thumbnail");
        QCOMPARE(store.writeOutcomes({timedOut, late}).value(), (QList<AttemptKey>{{id, 1}}));
        const Result<PgResult> row =
            connection.exec("SELECT i.status::text, i.error, i.result IS NULL, d.thumbnail IS NULL "
                            "FROM images i JOIN image_data d ON d.image_id = i.id WHERE i.id = $1",
                            {QByteArray::number(id)});
        QVERIFY(row.ok());
        QCOMPARE(row->text(0, 0), QStringLiteral("failed"));
        QCOMPARE(row->text(0, 1), QStringLiteral("timed out after 30 s"));
        QCOMPARE(row->text(0, 2), QStringLiteral("t"));
        QCOMPARE(row->text(0, 3), QStringLiteral("t"));
    }

    // Every writer locks its rows in id order, each before it is written (kClaimSql,
    // kOutcomeSql, the admin functions): claims and results listed in reverse order, racing
    // priority changes over the same rows, never deadlock (40P01) nor fail.
    void resultsRacingPriorityChangesNeverDeadlock()
    {
        test::EngineFixture fixture;
        const QList<qint64> ids = fixture.submit(60);
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        JobStore store(connection);
        std::atomic<bool> racing{true};
        std::atomic<int> changes{0};
        QString raceError;
        std::thread prioritiser([&] {
            while (racing) {
                const Result<BulkOutcome> changed =
                    fixture.admin().setPriority(ids, changes.fetch_add(1) % 100);
                if (!changed) {
                    raceError = changed.error().message;
                    return;
                }
            }
        });
        QString writeError;
        for (int round = 0; round < 25 && writeError.isEmpty(); ++round) {
            const Result<QList<ClaimedJob>> claimed = store.claim(ids, QStringLiteral("w:1"));
            if (!claimed || claimed->size() != ids.size()) {
                writeError = claimed ? QStringLiteral("claimed %1").arg(claimed->size())
                                     : claimed.error().message;
                break;
            }
            QList<JobOutcome> outcomes;
            for (auto job = claimed->crbegin(); job != claimed->crend(); ++job) {
                JobOutcome retry;
                retry.id = job->id;
                retry.attempt = job->attempt;
                retry.outcome = Outcome::Retry;
                outcomes.append(retry);
            }
            const Result<QList<AttemptKey>> written = store.writeOutcomes(outcomes);
            if (!written || written->size() != ids.size()) {
                writeError = written ? QStringLiteral("wrote %1").arg(written->size())
                                     : written.error().message;
            }
        }
        racing = false;
        prioritiser.join();
        QVERIFY2(writeError.isEmpty(), qPrintable(writeError));
        QVERIFY2(raceError.isEmpty(), qPrintable(raceError));
        QVERIFY(changes > 1); // the two did overlap
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'queued' AND attempts = 25")), 60);
    }

    // A submit is one statement (AdminStore::insertImages): every original lands with its own
    // row, byte for byte and in input order, whether the uploads go in one statement or in
    // chunks of one transaction; a chunk PostgreSQL refuses takes the earlier chunks with it.
    void submitStoresEachOriginalWithItsRow()
    {
        test::EngineFixture fixture;
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        AdminStore store(connection);
        QList<ImageUpload> uploads;
        QList<ImageFacts> facts;
        for (int i = 0; i < 5; ++i) {
            QByteArray bytes = test::encodedImage(8 + i, 8, "PNG");
            bytes.append('\0').append(char(0xff - i)); // raw bytes, NULs too, arrive as sent
            uploads.append({QStringLiteral("upload-%1").arg(i), bytes, i, QStringLiteral("noop")});
            facts.append({QStringLiteral("png"), 8 + i, 8});
        }
        for (const qint64 chunkBytes : {AdminStore::kSubmitChunkBytes, qint64(1)}) {
            const Result<QList<qint64>> ids = store.insertImages(uploads, facts, chunkBytes);
            QVERIFY2(ids.ok(), qPrintable(ids.ok() ? QString() : ids.error().message));
            QCOMPARE(ids->size(), uploads.size());
            for (int i = 0; i < uploads.size(); ++i) {
                const Result<PgResult> row = connection.execBinary(
                    "SELECT i.title, i.priority::text, d.original FROM images i "
                    "JOIN image_data d ON d.image_id = i.id WHERE i.id = $1",
                    {QByteArray::number(ids->at(i))}, {}, true);
                QVERIFY(row.ok());
                QCOMPARE(row->rows(), 1);
                QCOMPARE(row->text(0, 0), uploads[i].title);
                QCOMPARE(row->text(0, 1), QString::number(i));
                QCOMPARE(row->bytes(0, 2), uploads[i].bytes);
            }
        }
        const qint64 stored = fixture.countWhere(QStringLiteral("true"));
        QCOMPARE(stored, 10);
        uploads[3].priority = 5000; // the fourth chunk breaks the priority CHECK
        const Result<QList<qint64>> refused = store.insertImages(uploads, facts, 1);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("priority")),
                 qPrintable(refused.error().message));
        QCOMPARE(fixture.countWhere(QStringLiteral("true")), stored);
        QCOMPARE(connection.exec("SELECT count(*) FROM image_data")->integer(0, 0), stored);
    }

    // A jump (the console's scrollbar dragged anywhere) skips its rows inside the sort's index,
    // for every column (migration 0015 for attempts, worker and error): with the table's pages
    // all visible, it reads from the table only the page it returns, however far it skips. The
    // rows mix every status, so a sort that treated settled and unsettled rows apart would read
    // the unsettled ones; errors are long (the sort reads their first 200 characters).
    void everySortJumpsInsideItsIndex()
    {
        test::EngineFixture fixture;
        PgConnection connection;
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        AdminStore store(connection);
        QVERIFY(connection
                    .exec("INSERT INTO images (title, status, priority, format, byte_size, "
                          "attempts, worker, error, finished_at) "
                          "SELECT 'photo-' || g % 997, (CASE g % 10 WHEN 0 THEN 'queued' "
                          "WHEN 1 THEN 'processing' WHEN 2 THEN 'failed' ELSE 'completed' "
                          "END)::job_status, g % 201 - 100, 'jpeg', 1000, g % 4, "
                          "'host-' || g % 7 || ':' || g % 3, CASE WHEN g % 10 IN (1, 2) THEN "
                          "repeat('decoder said no ', 20) || g END, "
                          "CASE WHEN g % 10 > 1 THEN now() - g * interval '1 second' END "
                          "FROM generate_series(1, 20000) g")
                    .ok());
        // Every page all-visible, or an index-only scan visits the table. A snapshot in this
        // database older than the INSERT (autovacuum analysing another table) can keep VACUUM
        // from marking them: again until it does.
        QTRY_VERIFY_WITH_TIMEOUT(connection.exec("VACUUM (ANALYZE) images").ok() &&
                                     connection
                                             .exec("SELECT relallvisible >= relpages FROM pg_class "
                                                   "WHERE oid = 'images'::regclass")
                                             ->text(0, 0) == QStringLiteral("t"),
                                 30'000);
        // A parallel worker's reads land in its own counters, not this connection's.
        QVERIFY(connection.exec("SET max_parallel_workers_per_gather = 0").ok());
        for (int key = int(JobSortKey::Id); key <= int(JobSortKey::Error); ++key) {
            for (const bool descending : {false, true}) {
                JobQuery query;
                query.sortBy = JobSortKey(key);
                query.descending = descending;
                query.offset = 10000;
                query.limit = 50;
                QVERIFY(connection.begin());
                const qint64 before = imagesRowsRead(connection);
                const Result<QList<JobRecord>> page = store.list(query);
                const qint64 after = imagesRowsRead(connection);
                QVERIFY(connection.commit());
                QVERIFY(page.ok() && before >= 0 && after >= 0);
                const qint64 read = after - before;
                QCOMPARE(page->size(), 50);
                QVERIFY2(read <= 100, qPrintable(QStringLiteral("sort %1%2 read %3 rows")
                                                     .arg(key)
                                                     .arg(descending ? " desc" : "")
                                                     .arg(read)));
            }
        }
    }

    // The dispatcher's claims commit asynchronously through PgConnection::setSessionSetting: the
    // setting holds on the first connection and on each one after a lost backend.
    void sessionSettingsHoldAcrossReconnects()
    {
        test::EngineFixture fixture;
        PgConnection connection;
        connection.setSessionSetting("synchronous_commit", "off");
        QVERIFY(connection.open(fixture.connections().postgres).ok());
        QCOMPARE(connection.exec("SHOW synchronous_commit")->text(0, 0), QStringLiteral("off"));
        const QByteArray pid = connection.exec("SELECT pg_backend_pid()")->bytes(0, 0);
        PgConnection other;
        QVERIFY(other.open(fixture.connections().postgres).ok());
        QCOMPARE(other.exec("SHOW synchronous_commit")->text(0, 0), QStringLiteral("on"));
        QVERIFY(other.exec("SELECT pg_terminate_backend($1::int)", {pid}).ok());
        QVERIFY(!connection.exec("SELECT 1").ok());
        QVERIFY(connection.ensureOpen().ok());
        QVERIFY(connection.exec("SELECT pg_backend_pid()")->bytes(0, 0) != pid);
        QCOMPARE(connection.exec("SHOW synchronous_commit")->text(0, 0), QStringLiteral("off"));
    }
};

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
