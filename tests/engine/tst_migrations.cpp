#include "pixelnest/schema.h"
#include "store/pgconnection.h"
#include "teststack.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace pixelnest;

namespace
{

qint64 scalar(const QString& conninfo, const QByteArray& sql)
{
    engine::PgConnection connection;
    if (!connection.open(conninfo)) {
        return -1;
    }
    const Result<engine::PgResult> rows = connection.exec(sql);
    return rows && rows->rows() == 1 ? rows->integer(0, 0) : -1;
}

} // namespace

class TestMigrations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migrationsAreBuiltIn()
    {
        const QStringList names = availableMigrations();
        QVERIFY(!names.isEmpty());
        QCOMPARE(names.first(), QStringLiteral("0001_initial"));
    }

    void appliedOnceThenNothingToDo()
    {
        const QString conninfo = test::createScratchDatabase(false);
        const Result<int> first = applyMigrations(conninfo);
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first.value(), int(availableMigrations().size()));
        const Result<int> second = applyMigrations(conninfo);
        QVERIFY(second.ok());
        QCOMPARE(second.value(), 0);
        QCOMPARE(scalar(conninfo, "SELECT count(*) FROM schema_migrations"),
                 qint64(availableMigrations().size()));
        // The tables the engine and console rely on exist.
        for (const char* table : {"images", "image_data", "attempts"}) {
            QCOMPARE(scalar(conninfo, QByteArray("SELECT count(*) FROM ") + table), 0);
        }
    }

    void concurrentStartsApplyEachMigrationOnce()
    {
        const QString conninfo = test::createScratchDatabase(false);
        constexpr int kProcesses = 6;
        std::vector<Result<int>> results(kProcesses, Result<int>(0));
        std::vector<std::thread> threads;
        for (int i = 0; i < kProcesses; ++i) {
            threads.emplace_back([&, i] { results[i] = applyMigrations(conninfo); });
        }
        int total = 0;
        for (int i = 0; i < kProcesses; ++i) {
            threads[i].join();
            QVERIFY2(results[i].ok(), qPrintable(results[i].error().message));
            total += results[i].value();
        }
        QCOMPARE(total, int(availableMigrations().size()));
    }

    void statusChangesAreAnnounced()
    {
        const QString conninfo = test::createScratchDatabase();
        engine::PgConnection listener;
        QVERIFY(listener.open(conninfo).ok());
        QVERIFY(listener.exec("LISTEN " + kImagesChannel.toUtf8()).ok());
        engine::PgConnection writer;
        QVERIFY(writer.open(conninfo).ok());
        QVERIFY(writer.exec("INSERT INTO images (format, byte_size) VALUES ('png', 1), ('png', 2)")
                    .ok());
        QVERIFY(writer.exec("UPDATE images SET status = 'processing' WHERE id = 2").ok());
        QVERIFY(writer.exec("UPDATE images SET title = 'no status change' WHERE id = 1").ok());
        const QStringList payloads = test::drainNotifications(listener);
        QCOMPARE(payloads, (QStringList{QStringLiteral("1,2"), QStringLiteral("2")}));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
