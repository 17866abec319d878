// The console as a whole: it opens at once and connects off the GUI thread (the local stack
// when nothing is configured, or the servers named at launch), processes dropped images with
// its embedded engine while the table follows live, shows a lost connection and works
// read-only until it returns; the Connection dialog's test and the keychain rule; About.
#include "controllers/jobactions.h"
#include "core/connectionprofile.h"
#include "core/consolesession.h"
#include "core/settings.h"
#include "core/translations.h"
#include "dashboard/dashboardwidget.h"
#include "dashboard/throughputchart.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/connectiondialog.h"
#include "dialogs/uploaddialog.h"
#include "enginefixture.h"
#include "models/jobtablemodel.h"
#include "models/workersmodel.h"
#include "pixelnest/postgrestls.h"
#include "pixelnest/redistls.h"
#include "testimages.h"
#include "uitestsupport.h"
#include "widgets/connectionindicator.h"
#include "widgets/detailpane.h"
#include "widgets/imagespage.h"
#include "widgets/imageview.h"
#include "widgets/jobtableview.h"
#include "widgets/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace pixelnest;
using namespace pixelnest::ui;
using test::EngineFixture;

namespace
{

bool allCompleted(const JobTableModel& model, int rows)
{
    if (model.rowCount() != rows) {
        return false;
    }
    for (int row = 0; row < rows; ++row) {
        if (model.record(row).status != JobStatus::Completed) {
            return false;
        }
    }
    return true;
}

} // namespace

class TestConsole final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    }

    void init() { openSettings()->clear(); }

    // Nothing configured: the local stack (here the fixture's, already up) and a window that
    // opens before the servers answer.
    void startsOnTheLocalStackWithNothingConfigured()
    {
        ConnectionProfile profile;
        profile.processHere = false; // the shared database must not be processed by this test
        profile.save(*openSettings());
        // As src/ builds it, but with no servers named: the local stack is the choice.
        SessionEnvironment environment =
            test::sessionEnvironment({}, test::uniqueNamespace(), EngineConfig{});
        environment.flags = {};
        ConsoleSession session(environment);
        QElapsedTimer elapsed;
        elapsed.start();
        MainWindow window(&session);
        window.show();
        session.start();
        const qint64 openMs = elapsed.elapsed();
        QVERIFY2(openMs < 2000, qPrintable(QString::number(openMs)));
        QVERIFY(!session.isReady()); // the start-up runs off the GUI thread
        QTRY_VERIFY_WITH_TIMEOUT(session.isReady(), 30'000);
        QVERIFY(session.config().usesLocalStack());
        QVERIFY(session.description().startsWith(QStringLiteral("Local stack in ")));
        QCOMPARE(session.embeddedEngine(), nullptr);
        QTRY_COMPARE(window.connectionIndicator()->state(), ConnectionIndicator::State::Connected);
        QVERIFY(window.engineLabel()->text().isEmpty()); // console only: nothing to say
        QVERIFY(window.isWritable());
        qInfo() << "window shown after" << openMs << "ms; ready after" << elapsed.elapsed() << "ms";
    }

    // `pixelnest FILE...` (the desktop entry's "Open With"): the files wait until the console
    // may upload, then the upload dialog asks about exactly them.
    void filesGivenAtStartOpenTheUploadDialog()
    {
        EngineFixture fixture;
        ConsoleSession session(
            test::sessionEnvironment(fixture.connections(), fixture.ns(), fixture.engineConfig()));
        MainWindow window(&session);
        QTemporaryDir dir;
        const QStringList photos = test::samplePhotos(dir.path()).mid(0, 2);
        window.show();
        window.uploadWhenReady(photos); // before the servers are known, as at start-up
        QVERIFY(window.findChild<UploadDialog*>() == nullptr);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<UploadDialog*>() != nullptr, 30'000);
        auto* dialog = window.findChild<UploadDialog*>();
        QCOMPARE(dialog->paths(), photos);
        QTRY_VERIFY(dialog->isVisible());
        test::saveScreenshot(dialog, QStringLiteral("upload-dialog-from-command-line.png"));
        dialog->reject();
    }

    // Dropped photos go queued → completed live, processed by the console's own engine; the
    // detail pane shows the picture; the dashboard sees the engine.
    void processesHereAndFollowsLive()
    {
        EngineFixture fixture;
        ConsoleSession session(
            test::sessionEnvironment(fixture.connections(), fixture.ns(), fixture.engineConfig()));
        MainWindow window(&session);
        window.show();
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.isReady(), 30'000);
        QVERIFY(session.embeddedEngine() != nullptr);
        QVERIFY(session.description().endsWith(QStringLiteral("processing here")));
        // The status bar says what the in-process engine does.
        QTRY_COMPARE_WITH_TIMEOUT(window.engineLabel()->text(), QStringLiteral("Engine: idle"),
                                  5000);
        JobTableView* view = window.imagesPage()->view();
        QTRY_VERIFY(view->emptyHint().startsWith(QStringLiteral("Drop images here")));

        // The demo photos dropped on the window: the upload dialog asks, then they go.
        QTemporaryDir dir;
        const QStringList photos = test::samplePhotos(dir.path());
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString& photo : photos) {
            urls.append(QUrl::fromLocalFile(photo));
        }
        mime.setUrls(urls);
        QDragEnterEvent enter(QPoint(400, 300), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        auto* ask = window.findChild<UploadDialog*>();
        QVERIFY(ask);
        QCOMPARE(ask->paths(), photos);
        ask->findChild<QComboBox*>(QStringLiteral("pipeline"))
            ->setCurrentText(QStringLiteral("metadata"));
        ask->accept();
        QTRY_VERIFY(window.findChild<UploadController*>() != nullptr);
        QSignalSpy uploaded(window.findChild<UploadController*>(), &UploadController::finished);
        QTRY_COMPARE_WITH_TIMEOUT(uploaded.size(), 1, 20'000);
        QCOMPARE(uploaded.first().first().value<UploadSummary>().ids.size(), 6);
        JobTableModel* model = window.imagesPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(allCompleted(*model, 6), 30'000);
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), 6);

        view->selectRow(0);
        DetailPane* detail = window.imagesPage()->detail();
        QTRY_COMPARE(detail->jobId(), model->record(0).id);
        QTRY_VERIFY_WITH_TIMEOUT(detail->imageView()->hasImage(), 10'000);
        QVERIFY(detail->metadataText().contains(QStringLiteral("metadata")));

        // Bump a priority from the toolbar action's code path and see it live in the table.
        const qint64 id = model->record(1).id;
        window.actions()->setPriority({id}, 900);
        QTRY_COMPARE(model->record(1).priority, 900);

        DashboardWidget* dashboard = window.dashboard();
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->figure(QStringLiteral("completed")),
                                  QStringLiteral("6"), 10'000);
        QTRY_VERIFY(dashboard->workersModel()->rowCount() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->throughputChart()->completedTotal() >= 6, 15'000);
        window.close();
        QSignalSpy down(&session, &ConsoleSession::shutDown);
        session.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, 30'000);
    }

    // The database goes away under the console: the status bar says so, writes are disabled,
    // and everything returns by itself.
    void connectionLostIsReadOnlyUntilItReturns()
    {
        EngineFixture fixture;
        ConnectionProfile profile;
        profile.processHere = false;
        profile.save(*openSettings());
        ConsoleSession session(
            test::sessionEnvironment(fixture.connections(), fixture.ns(), fixture.engineConfig()));
        MainWindow window(&session);
        window.show();
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 30'000);
        QSignalSpy changes(&session, &ConsoleSession::connectionChanged);
        // Every connection of this database's console ends, as in a server restart.
        test::execSql(test::postgresConninfo(),
                      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                      "$1 AND application_name = 'pixelnest-console'",
                      {fixture.connections()
                           .postgres.section(QStringLiteral("dbname="), 1)
                           .section(QLatin1Char(' '), 0, 0)
                           .toUtf8()});
        QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty(), 10'000);
        QCOMPARE(changes.first().at(0).toBool(), false);
        QVERIFY(!changes.first().at(1).toString().isEmpty());
        // It comes back by itself (the listener reconnects with backoff).
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 20'000);
        QTRY_COMPARE(window.connectionIndicator()->state(), ConnectionIndicator::State::Connected);
        QVERIFY(window.isWritable());
    }

    void readOnlyWhileLost()
    {
        EngineFixture fixture;
        ConnectionProfile profile;
        profile.processHere = false;
        profile.save(*openSettings());
        ConnectionConfig broken = fixture.connections();
        broken.postgres = QStringLiteral("host=127.0.0.1 port=1 dbname=nothing connect_timeout=2");
        ConsoleSession session(test::sessionEnvironment(broken, fixture.ns(), {}));
        MainWindow window(&session);
        QSignalSpy failed(&session, &ConsoleSession::startFailed);
        window.show();
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 15'000);
        QCOMPARE(window.connectionIndicator()->state(), ConnectionIndicator::State::Lost);
        QVERIFY(window.connectionIndicator()->text().startsWith(QStringLiteral("Not connected")));
        QVERIFY(!window.isWritable());
        QVERIFY(!window.actions()->reprocessFailedAction()->isEnabled());
        QVERIFY(window.imagesPage()->view()->emptyHint().contains(QStringLiteral("refused")) ||
                window.imagesPage()->view()->emptyHint().contains(QStringLiteral("connect")));
    }

    // TLS to PostgreSQL in the dialog: a remote server without verified TLS is warned about;
    // the fields write sslmode and sslrootcert into the conninfo.
    void connectionDialogWarnsAboutUnprotectedServers()
    {
        ConnectionProfile profile;
        profile.mode = ConnectionProfile::Mode::Remote;
        profile.postgres = QStringLiteral("host=db.example.com dbname=pixelnest user=admin");
        profile.redis = QStringLiteral("redis://queue.example.com:6379/0");
        ConnectionDialog dialog(profile, test::stackDir());
        dialog.show();
        QVERIFY(dialog.securityWarning()->isVisible());
        QVERIFY2(dialog.securityWarning()->text().contains(QStringLiteral("not encrypted and "
                                                                          "verified")),
                 qPrintable(dialog.securityWarning()->text()));
        QVERIFY(
            dialog.securityWarning()->text().contains(QStringLiteral("Redis is not encrypted")));
        test::saveScreenshot(&dialog, QStringLiteral("connection-dialog-tls-warning.png"));

        // rediss:// with its CA and client certificate: the files join the URL, no warning.
        dialog.redisUrl()->setText(QStringLiteral("rediss://queue.example.com:6380/0"));
        dialog.redisCaCertificate()->setText(QStringLiteral("/etc/pixelnest/redis-ca.crt"));
        dialog.redisClientCertificate()->setText(QStringLiteral("/etc/pixelnest/console.crt"));
        dialog.redisClientKey()->setText(QStringLiteral("/etc/pixelnest/console.key"));
        QVERIFY(!dialog.securityWarning()->text().contains(QStringLiteral("Redis")));
        const RedisTls redisTls = redisTlsOf(dialog.profile().redis);
        QVERIFY(redisTls.enabled);
        QCOMPARE(redisTls.caFile, QStringLiteral("/etc/pixelnest/redis-ca.crt"));
        QCOMPARE(redisTls.certFile, QStringLiteral("/etc/pixelnest/console.crt"));
        QCOMPARE(redisTls.keyFile, QStringLiteral("/etc/pixelnest/console.key"));
        test::saveScreenshot(&dialog, QStringLiteral("connection-dialog-redis-tls.png"));

        dialog.tlsMode()->setCurrentIndex(
            dialog.tlsMode()->findData(QStringLiteral("verify-full")));
        dialog.caCertificate()->setText(QStringLiteral("/etc/pixelnest/db-ca.crt"));
        QVERIFY(!dialog.securityWarning()->text().contains(QStringLiteral("PostgreSQL")));
        const PostgresTls tls = postgresTlsOf(dialog.profile().postgres);
        QCOMPARE(tls.sslmode, QStringLiteral("verify-full"));
        QCOMPARE(tls.rootCert, QStringLiteral("/etc/pixelnest/db-ca.crt"));
        QVERIFY(dialog.profile().postgres.contains(QStringLiteral("db.example.com")));

        // Reopened on that profile, the fields show what the conninfo says.
        ConnectionDialog again(dialog.profile(), test::stackDir());
        QCOMPARE(again.tlsMode()->currentData().toString(), QStringLiteral("verify-full"));
        QCOMPARE(again.caCertificate()->text(), QStringLiteral("/etc/pixelnest/db-ca.crt"));
        QCOMPARE(again.redisCaCertificate()->text(), QStringLiteral("/etc/pixelnest/redis-ca.crt"));
        QCOMPARE(again.redisClientKey()->text(), QStringLiteral("/etc/pixelnest/console.key"));

        // The local stack never leaves this machine: no warning.
        profile.postgres = QStringLiteral("host=/tmp/socket dbname=pixelnest");
        profile.redis = QStringLiteral("unix:///tmp/redis.sock");
        ConnectionDialog local(profile, test::stackDir());
        local.show();
        QVERIFY(local.securityWarning()->isHidden());
    }

    void connectionDialogExplainsEachFailure()
    {
        ConnectionProfile profile;
        profile.mode = ConnectionProfile::Mode::Remote;
        profile.postgres = QStringLiteral("host=127.0.0.1 port=1 dbname=pixelnest");
        profile.redis = QStringLiteral("redis://127.0.0.1:1/0");
        ConnectionDialog dialog(profile, test::stackDir());
        QSignalSpy tested(&dialog, &ConnectionDialog::tested);
        dialog.test();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 15'000);
        QVERIFY2(dialog.postgresVerdict().contains(QStringLiteral("nothing answers there")),
                 qPrintable(dialog.postgresVerdict()));
        QVERIFY2(dialog.redisVerdict().contains(QStringLiteral("nothing answers there")),
                 qPrintable(dialog.redisVerdict()));

        // The fixture's real servers, one with a database that does not exist.
        profile.postgres = test::postgresConninfo().replace(QStringLiteral("dbname=pixelnest"),
                                                            QStringLiteral("dbname=no_such_db"));
        profile.redis = test::redisUrl();
        ConnectionDialog second(profile, test::stackDir());
        QSignalSpy secondTested(&second, &ConnectionDialog::tested);
        second.test();
        QTRY_COMPARE_WITH_TIMEOUT(secondTested.size(), 1, 15'000);
        QVERIFY2(second.postgresVerdict().contains(QStringLiteral("no such database")),
                 qPrintable(second.postgresVerdict()));
        QVERIFY2(second.redisVerdict().startsWith(QStringLiteral("✓ reachable, version ")),
                 qPrintable(second.redisVerdict()));
        QCOMPARE(ConnectionDialog::explainPostgres(
                     QStringLiteral("FATAL:  password authentication failed for user \"x\"")),
                 QStringLiteral("the user name or password is wrong"));
        QCOMPARE(
            ConnectionDialog::explainRedis(QStringLiteral("WRONGPASS invalid username-password "
                                                          "pair")),
            QStringLiteral("the user name or password is wrong"));
    }

    void passwordsNeverReachTheSettingsFile()
    {
        ConnectionProfile profile;
        profile.mode = ConnectionProfile::Mode::Remote;
        profile.postgres = QStringLiteral("host=db.example.com dbname=px user=admin "
                                          "password='s3cr3t-pg'");
        profile.redis = QStringLiteral("redis://:s3cr3t-redis@cache.example.com:6379/0");
        const SplitSecret postgres = splitPostgresPassword(profile.postgres);
        QCOMPARE(postgres.password, QStringLiteral("s3cr3t-pg"));
        QCOMPARE(postgres.withoutPassword,
                 QStringLiteral("host=db.example.com dbname=px user=admin"));
        QCOMPARE(splitRedisPassword(profile.redis).password, QStringLiteral("s3cr3t-redis"));
        QCOMPARE(splitPostgresPassword(QStringLiteral("postgresql://u:pw@h/db")).password,
                 QStringLiteral("pw"));
        const QString merged =
            withPostgresPassword(postgres.withoutPassword, QStringLiteral("it's"));
        QCOMPARE(splitPostgresPassword(merged).password, QStringLiteral("it's"));

        ConsoleSession session(test::sessionEnvironment({}, test::uniqueNamespace(), {}));
        QSignalSpy notices(&session, &ConsoleSession::notice);
        session.remember(profile);
        {
            QFile file(openSettings()->fileName());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray contents = file.readAll();
            QVERIFY(contents.contains("db.example.com"));
            QVERIFY(!contents.contains("s3cr3t"));
        }
        // Without a keychain service (as here, no session bus) the console says so and still
        // writes nothing in its place.
        QTest::qWait(2000);
        qInfo() << "keychain notices:" << notices;
        QFile again(openSettings()->fileName());
        QVERIFY(again.open(QIODevice::ReadOnly));
        QVERIFY(!again.readAll().contains("s3cr3t"));
    }

    void aboutShowsEveryVersion()
    {
        ConnectionConfig config;
        config.postgres = test::postgresConninfo();
        config.redis = test::redisUrl();
        AboutDialog about(config);
        QSignalSpy known(&about, &AboutDialog::serverVersionsKnown);
        QTRY_COMPARE_WITH_TIMEOUT(known.size(), 1, 15'000);
        const QString text = about.versionsText();
        qInfo().noquote() << text;
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("PostgreSQL \\d+\\.\\d+"))),
                 qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Redis \\d+\\.\\d+\\.\\d+"))),
                 qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("torch \\d+\\.\\d+"))),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String(qVersion())));
    }

    void rememberedLayout()
    {
        ConsoleSession session(test::sessionEnvironment({}, test::uniqueNamespace(), {}));
        int width = 0;
        {
            MainWindow window(&session);
            window.resize(1000, 650);
            window.show();
            window.imagesPage()->view()->setColumnWidth(1, 333);
            width = window.width();
            window.close();
        }
        MainWindow again(&session);
        again.show();
        QCOMPARE(again.imagesPage()->view()->columnWidth(1), 333);
        QCOMPARE(again.width(), width);
    }

    void cleanupTestCase() { waitForAdminThreads(10'000); }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
