// Finding jobs with `pixelnest jobs` against a real database: every filter (pipeline, worker,
// priority range, dates, search by title or id, moderation label and score, faces), every sort
// column with the cursor continuing exactly, and the count behind "all N matching".
#include "cliprocess.h"
#include "enginefixture.h"
#include "pixelnest/audit.h"
#include "store/pgconnection.h"
#include "teststack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace pixelnest;
using test::CliRun;
using test::EngineFixture;

namespace
{

struct Page
{
    QList<qint64> ids;
    QString next; // the cursor printed on stderr, or empty on the last page
};

Page jobs(const EngineFixture& fixture, const QStringList& filters)
{
    QProcessEnvironment environment =
        test::environmentFor(fixture.connections().postgres, fixture.connections().redis);
    environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), fixture.ns());
    const CliRun run = test::runPixelnest(
        QStringList{QStringLiteral("jobs"), QStringLiteral("--json")} + filters, environment);
    Page page;
    if (run.exitCode != 0) {
        qWarning().noquote() << run.err;
        return page;
    }
    for (const QJsonValue& job : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
        page.ids.append(job[QStringLiteral("id")].toInteger());
    }
    page.next =
        QRegularExpression(QStringLiteral("more: --after (\\S+)")).match(run.err).captured(1);
    return page;
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestFindJobs final : public QObject
{
    Q_OBJECT

private:
    EngineFixture* m_fixture = nullptr;
    QList<qint64> m_ids; // 12 jobs, described in initTestCase

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = new EngineFixture;
        EngineFixture& fixture = *m_fixture;
        // 0-3: noop, priorities 0, 10, 20, 30; 4-7: metadata, priority 5; 8-11: default, -5.
        for (int i = 0; i < 4; ++i) {
            m_ids += fixture.submit(1, i * 10, QStringLiteral("noop"));
        }
        m_ids += fixture.submit(4, 5, QStringLiteral("metadata"));
        m_ids += fixture.submit(4, -5, QStringLiteral("default"));
        const auto exec = [&fixture](const QString& sql) {
            QVERIFY2(fixture.scalar(QStringLiteral("WITH x AS (") + sql +
                                    QStringLiteral(" RETURNING 1) SELECT count(*) FROM x")) > 0,
                     qPrintable(sql));
        };
        // Results as the default pipeline writes them: moderation and faces.
        exec(QStringLiteral("UPDATE images SET status = 'completed', worker = 'gpu-a:11', "
                            "result = '{\"moderation\": {\"label\": \"Porn\", \"scores\": "
                            "{\"Porn\": 0.93, \"Neutral\": 0.07}}, \"faces\": [{}, {}]}' "
                            "WHERE id = %1")
                 .arg(m_ids[8]));
        exec(QStringLiteral("UPDATE images SET status = 'completed', worker = 'gpu-a:12', "
                            "result = '{\"moderation\": {\"label\": \"Neutral\", \"scores\": "
                            "{\"Porn\": 0.81, \"Neutral\": 0.19}}, \"faces\": [{}]}' "
                            "WHERE id = %1")
                 .arg(m_ids[9]));
        exec(QStringLiteral("UPDATE images SET status = 'completed', worker = 'gpu-b:7', "
                            "result = '{\"moderation\": {\"label\": \"Neutral\", \"scores\": "
                            "{\"Porn\": 0.02, \"Neutral\": 0.98}}, \"faces\": []}' "
                            "WHERE id = %1")
                 .arg(m_ids[10]));
        exec(QStringLiteral("UPDATE images SET title = 'Holiday 2026 beach' WHERE id = %1")
                 .arg(m_ids[1]));
        exec(QStringLiteral("UPDATE images SET created_at = now() - interval '3 days' "
                            "WHERE id IN (%1, %2)")
                 .arg(m_ids[0])
                 .arg(m_ids[1]));
    }

    void cleanupTestCase() { delete m_fixture; }

    void filters_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QList<int>>("expected"); // indexes into m_ids
        QTest::newRow("pipeline") << QStringList{"--pipeline", "metadata"}
                                  << QList<int>{4, 5, 6, 7};
        QTest::newRow("priority range")
            << QStringList{"--priority", "5..20"} << QList<int>{1, 2, 4, 5, 6, 7};
        QTest::newRow("one priority")
            << QStringList{"--priority", "-5"} << QList<int>{8, 9, 10, 11};
        QTest::newRow("worker host") << QStringList{"--worker", "gpu-a"} << QList<int>{8, 9};
        QTest::newRow("worker host:pid") << QStringList{"--worker", "gpu-a:12"} << QList<int>{9};
        QTest::newRow("search title") << QStringList{"--search", "beach"} << QList<int>{1};
        QTest::newRow("label on top") << QStringList{"--label", "Porn"} << QList<int>{8};
        QTest::newRow("label score") << QStringList{"--label", "Porn:0.8"} << QList<int>{8, 9};
        QTest::newRow("faces exactly") << QStringList{"--faces", "1"} << QList<int>{9};
        QTest::newRow("faces or more") << QStringList{"--faces", "1+"} << QList<int>{8, 9};
        QTest::newRow("no faces") << QStringList{"--faces", "0"}
                                  << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 10, 11};
        QTest::newRow("since") << QStringList{"--since", "1d", "--pipeline", "noop"}
                               << QList<int>{2, 3};
        QTest::newRow("until") << QStringList{"--until", "1d"} << QList<int>{0, 1};
        QTest::newRow("combined") << QStringList{"--status", "completed", "--label",
                                                 "Porn:0.5", "--worker",  "gpu-a:11"}
                                  << QList<int>{8};
    }

    void filters()
    {
        QFETCH(QStringList, filters);
        QFETCH(QList<int>, expected);
        QList<qint64> ids;
        for (int index : expected) {
            ids.append(m_ids[index]);
        }
        QCOMPARE(sorted(jobs(*m_fixture, filters).ids), sorted(ids));
    }

    void searchFindsAnIdToo()
    {
        const QString id = QString::number(m_ids[5]);
        QVERIFY(jobs(*m_fixture, {QStringLiteral("--search"), id}).ids.contains(m_ids[5]));
    }

    void countMatchesTheFilter()
    {
        JobQuery query;
        query.label = QStringLiteral("Porn");
        query.labelMin = 0.8;
        QCOMPARE(m_fixture->admin().countJobs(query).value(), 2);
        JobQuery byStatus;
        byStatus.status = JobStatus::Completed;
        QCOMPARE(m_fixture->admin().countJobs(byStatus).value(), 3); // from the status counts
        QCOMPARE(m_fixture->admin().countJobs(JobQuery()).value(), 12);
    }

    void everySortPagesExactlyWithTheCursor_data()
    {
        QTest::addColumn<QString>("sort");
        for (const char* sort : {"id", "id:asc", "title", "status:desc", "priority:desc",
                                 "attempts", "worker:desc", "created", "finished", "error"}) {
            QTest::newRow(sort) << QString::fromLatin1(sort);
        }
    }

    void everySortPagesExactlyWithTheCursor()
    {
        QFETCH(QString, sort);
        const QList<qint64> all = jobs(*m_fixture, {QStringLiteral("--sort"), sort}).ids;
        QCOMPARE(all.size(), 12);
        QList<qint64> paged;
        QString after;
        for (int page = 0; page < 10; ++page) {
            QStringList arguments{QStringLiteral("--sort"), sort, QStringLiteral("--limit"),
                                  QStringLiteral("5")};
            if (!after.isEmpty()) {
                arguments << QStringLiteral("--after") << after;
            }
            const Page next = jobs(*m_fixture, arguments);
            paged += next.ids;
            after = next.next;
            if (after.isEmpty()) {
                break;
            }
        }
        QCOMPARE(paged, all); // the same order, nothing twice, nothing missed
    }

    // The console's jump: `offset` rows past the start or past a cursor, in every order, with and
    // without a status, is exactly that slice of the order a plain ORDER BY over the whole table
    // gives. A jump reads the rows' ids first, then the rows. The data mixes every status
    // (processing with workers) and gives each key ties and distinct values. Six errors of eight
    // are long (so the cursor's row is one of them in descending order): the same first 200
    // characters, most of them outside the BMP (which a cursor's key must count as PostgreSQL
    // does, and never split), then different text.
    void everySortJumpsToAnyOffset_data()
    {
        QTest::addColumn<int>("sortBy");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<bool>("completedOnly");
        for (int key = int(JobSortKey::Id); key <= int(JobSortKey::Error); ++key) {
            for (const bool descending : {false, true}) {
                for (const bool completedOnly : {false, true}) {
                    QTest::addRow("sort %d %s%s", key, descending ? "desc" : "asc",
                                  completedOnly ? ", completed" : "")
                        << key << descending << completedOnly;
                }
            }
        }
    }

    void everySortJumpsToAnyOffset()
    {
        QFETCH(int, sortBy);
        QFETCH(bool, descending);
        QFETCH(bool, completedOnly);
        EngineFixture fixture;
        fixture.submit(40, 0, QStringLiteral("noop"));
        QVERIFY(fixture.scalar(QStringLiteral(
                    "WITH x AS (UPDATE images SET status = (CASE id % 5 WHEN 0 THEN 'completed' "
                    "WHEN 1 THEN 'failed' WHEN 2 THEN 'processing' WHEN 3 THEN 'queued' "
                    "ELSE 'cancelled' END)::job_status, attempts = id % 3, "
                    "worker = CASE WHEN id % 5 <> 3 THEN 'host-' || id % 4 || ':' || id % 2 END, "
                    "error = CASE WHEN id % 5 = 1 THEN (CASE WHEN id % 4 <> 0 THEN 'x' || "
                    "repeat('\U0001F600', 250) ELSE '' END) || ' error ' || id % 3 END, "
                    "started_at = CASE WHEN id % 5 <> 3 THEN now() END, "
                    "finished_at = CASE WHEN id % 5 IN (0, 1, 4) THEN "
                    "now() - id % 4 * interval '1 second' END, "
                    "priority = id % 4 * 10, title = 'img-' || id % 6 RETURNING 1) "
                    "SELECT count(*) FROM x")) == 40);
        // The reference: each key's expression, sorted by PostgreSQL over the whole table.
        const QStringList expressions{
            QStringLiteral("i.id"),
            QStringLiteral("i.title"),
            QStringLiteral("i.status"),
            QStringLiteral("i.priority"),
            QStringLiteral("i.attempts"),
            QStringLiteral("coalesce(i.worker, '')"),
            QStringLiteral("i.id"),
            QStringLiteral("coalesce(date_trunc('milliseconds', (i.finished_at AT TIME ZONE "
                           "'UTC') + interval '500 microseconds'), '-infinity'::timestamp)"),
            QStringLiteral("left(coalesce(i.error, ''), 200)")};
        const QString direction = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
        const QString reference =
            QStringLiteral("SELECT string_agg(id::text, ',' ORDER BY %1%2, id%2) FROM images i%3")
                .arg(expressions.at(sortBy), direction,
                     completedOnly ? QStringLiteral(" WHERE i.status = 'completed'") : QString());
        engine::PgConnection db;
        QVERIFY(db.open(fixture.connections().postgres).ok());
        const Result<engine::PgResult> sorted = db.exec(reference.toUtf8());
        QVERIFY(sorted && sorted->rows() == 1);
        QList<qint64> expected;
        for (const QString& id : sorted->text(0, 0).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            expected.append(id.toLongLong());
        }
        QCOMPARE(expected.size(), completedOnly ? 8 : 40);

        JobQuery query;
        query.sortBy = JobSortKey(sortBy);
        query.descending = descending;
        if (completedOnly) {
            query.status = JobStatus::Completed;
        }
        query.limit = 100;
        const auto idsOf = [](const QList<JobRecord>& rows) {
            QList<qint64> ids;
            for (const JobRecord& row : rows) {
                ids.append(row.id);
            }
            return ids;
        };
        const QList<JobRecord> all = fixture.admin().jobs(query).value();
        QCOMPARE(idsOf(all), expected);
        query.limit = 3;
        for (int offset = 1; offset <= all.size(); ++offset) {
            query.after.reset();
            query.offset = offset;
            const QList<JobRecord> page = fixture.admin().jobs(query).value();
            QCOMPARE(idsOf(page), expected.mid(offset, 3));
            if (!page.isEmpty()) {
                QCOMPARE(page.first().title, all[offset].title); // whole rows, not only ids
                QCOMPARE(page.first().worker, all[offset].worker);
            }
            query.after = cursorAfter(all.at(4), query.sortBy);
            QCOMPARE(idsOf(fixture.admin().jobs(query).value()), expected.mid(5 + offset, 3));
        }
    }

    // The console's audit table reads summaries: a submission's first ids and how many it named,
    // without its per-job values; `audit --json` (no summary) still gets every id and value.
    void auditSummaryNamesTheFirstIdsAndHowMany()
    {
        EngineFixture fixture;
        const QList<qint64> ids = fixture.submit(50, 0, QStringLiteral("noop"));
        QCOMPARE(ids.size(), 50);
        AuditQuery query;
        query.action = QStringLiteral("submit");
        const QList<AuditEntry> full = fixture.admin().audit(query).value();
        QCOMPARE(full.size(), 1);
        QCOMPARE(full.first().ids, ids);
        QCOMPARE(full.first().idsTotal, 50);
        QCOMPARE(full.first().next.toObject().size(), 50);
        query.summary = true;
        const QList<AuditEntry> summary = fixture.admin().audit(query).value();
        QCOMPARE(summary.size(), 1);
        QCOMPARE(summary.first().ids, ids.mid(0, AuditQuery::kSummaryIds));
        QCOMPARE(summary.first().idsTotal, 50);
        QCOMPARE(summary.first().count, 50);
        QVERIFY(summary.first().next.isNull());
        QCOMPARE(auditTargetsText(summary.first()), auditTargetsText(full.first()));
        QVERIFY(auditTargetsText(summary.first()).endsWith(QStringLiteral("(+47 more)")));
    }

    void badFiltersAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("label score") << QStringList{"--label", "Porn:2"};
        QTest::newRow("faces") << QStringList{"--faces", "many"};
        QTest::newRow("sort") << QStringList{"--sort", "colour"};
        QTest::newRow("priority") << QStringList{"--priority", "1..x"};
        QTest::newRow("cursor") << QStringList{"--after", "%%%"};
        QTest::newRow("since") << QStringList{"--since", "yesterday"};
    }

    void badFiltersAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QProcessEnvironment environment =
            test::environmentFor(m_fixture->connections().postgres, m_fixture->connections().redis);
        environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), m_fixture->ns());
        const CliRun run =
            test::runPixelnest(QStringList{QStringLiteral("jobs")} + arguments, environment);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    // Last: it changes the rows the filters above look at.
    void anActionAppliesToEveryMatchingJob()
    {
        JobQuery flagged;
        flagged.label = QStringLiteral("Porn");
        flagged.labelMin = 0.8;
        qint64 pages = 0;
        const Result<FilterOutcome> done = m_fixture->admin().applyToMatching(
            flagged, FilterAction::SetPriority, 900, [&pages](const FilterOutcome&) { ++pages; });
        QVERIFY(done.ok());
        QCOMPARE(done->matched, 2);
        QCOMPARE(done->changed, 2);
        QCOMPARE(pages, 1);
        QCOMPARE(m_fixture->countWhere(QStringLiteral("priority = 900")), 2);
        // Cancel over a filter leaves the finished ones alone, changes the queued ones.
        JobQuery noop;
        noop.pipeline = QStringLiteral("noop");
        const Result<FilterOutcome> cancelled =
            m_fixture->admin().applyToMatching(noop, FilterAction::Cancel);
        QCOMPARE(cancelled->matched, 4);
        QCOMPARE(cancelled->changed, 4);
        QCOMPARE(m_fixture->countWhere(QStringLiteral("pipeline = 'noop' AND status = "
                                                      "'cancelled'")),
                 4);
        // Audited as one change per page, as if the ids had been given.
        QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                                  "'cancel'")),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestFindJobs)
#include "tst_findjobs.moc"
