// The console as different PostgreSQL logins: the status bar names the login and its role,
// what the role may not do is disabled with a tooltip saying why, a change the server refuses
// anyway opens a "Permission denied" dialog and changes nothing, and the Audit tab lists who
// changed what (or says why it cannot).
#include "controllers/jobactions.h"
#include "core/connectionprofile.h"
#include "core/consolesession.h"
#include "core/settings.h"
#include "enginefixture.h"
#include "models/audittablemodel.h"
#include "uitestsupport.h"
#include "widgets/auditpage.h"
#include "widgets/imagespage.h"
#include "widgets/jobtableview.h"
#include "widgets/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableView>
#include <QUuid>

using namespace pixelnest;
using namespace pixelnest::ui;
using test::EngineFixture;

class TestConsoleRoles final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EngineFixture> m_fixture;
    QMap<QString, QString> m_logins; // role → login
    QList<qint64> m_ids;

    ConnectionConfig connectionsAs(const QString& role) const
    {
        ConnectionConfig servers = m_fixture->connections();
        servers.postgres.replace(QStringLiteral("user=pixelnest"),
                                 QStringLiteral("user=") + m_logins.value(role));
        return servers;
    }

    qint64 auditRows() const
    {
        return test::sqlScalar(m_fixture->connections().postgres, "SELECT count(*) FROM audit_log");
    }

    // A console window on `role`'s login, once its status bar names the login and the first
    // rows are in, with the first row selected (the callers assert what they expect).
    struct Console
    {
        std::unique_ptr<ConsoleSession> session;
        std::unique_ptr<MainWindow> window;
    };
    Console openConsole(const QString& role)
    {
        Console console;
        console.session = std::make_unique<ConsoleSession>(test::sessionEnvironment(
            connectionsAs(role), m_fixture->ns(), m_fixture->engineConfig()));
        console.window = std::make_unique<MainWindow>(console.session.get());
        console.window->resize(1280, 760);
        console.window->show();
        console.session->start();
        MainWindow* window = console.window.get();
        const QString expected = m_logins.value(role) + QStringLiteral(" · ") + role;
        QTest::qWaitFor([&] { return window->identityLabel()->text() == expected; }, 30'000);
        JobTableView* view = window->imagesPage()->view();
        QTest::qWaitFor([&] { return view->model()->rowCount() >= 5; }, 20'000);
        view->selectRow(0);
        return console;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        ConnectionProfile profile;
        profile.processHere = false; // no engine inside these consoles
        profile.save(*openSettings());
        m_fixture = std::make_unique<EngineFixture>();
        QVERIFY(initRoles(m_fixture->connections().postgres));
        const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(6);
        for (const QString& role :
             {QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("engine")}) {
            const QString login = QStringLiteral("c%1_%2").arg(suffix, role);
            test::execSql(m_fixture->connections().postgres,
                          "CREATE ROLE " + login.toUtf8() + " LOGIN");
            QVERIFY(grantRole(m_fixture->connections().postgres, login, *grantableRole(role)));
            m_logins.insert(role, login);
        }
        m_ids = m_fixture->submit(5, 0, QStringLiteral("noop"));
    }

    void cleanupTestCase()
    {
        m_fixture.reset();
        waitForAdminThreads(10'000);
        // Logins are cluster-wide; they own nothing, so they go with their memberships.
        for (const QString& login : m_logins) {
            test::execSql(test::postgresConninfo(), "DROP ROLE " + login.toUtf8());
        }
    }

    void viewerSeesWhyItCannotChangeAnything()
    {
        Console console = openConsole(QStringLiteral("viewer"));
        MainWindow* window = console.window.get();
        const QString login = m_logins.value(QStringLiteral("viewer"));
        QCOMPARE(window->identityLabel()->text(), login + QStringLiteral(" · viewer"));
        JobActions* actions = window->actions();
        QTRY_VERIFY(actions->copyIdAction()->isEnabled()); // a selection exists
        for (QAction* write :
             {actions->cancelAction(), actions->setPriorityAction(), actions->reprocessAction(),
              actions->reprocessFailedAction(), window->addFilesAction()}) {
            QVERIFY2(!write->isEnabled(), qPrintable(write->text()));
            QVERIFY2(write->toolTip().startsWith(login + QStringLiteral(" (viewer) cannot ")),
                     qPrintable(write->toolTip()));
        }
        QVERIFY(actions->cancelAction()->toolTip().contains(QStringLiteral("cannot cancel jobs")));

        // Past the disabled action (a stale window, a script): PostgreSQL refuses, a dialog
        // says so, nothing changes and nothing is audited.
        const qint64 auditBefore = auditRows();
        QFuture<Result<BulkOutcome>> refused = actions->cancel({m_ids.first()});
        QTRY_VERIFY_WITH_TIMEOUT(refused.isFinished(), 20'000);
        QVERIFY(!refused.result());
        QCOMPARE(refused.result().error().code, ErrorCode::PermissionDenied);
        QMessageBox* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<QMessageBox*>(
                         QStringLiteral("permissionDeniedDialog"))) != nullptr &&
                    dialog->isVisible());
        QCOMPARE(dialog->text(),
                 QStringLiteral("permission denied: %1 (viewer) cannot cancel jobs").arg(login));
        test::saveScreenshot(dialog, QStringLiteral("permission-denied.png"));
        dialog->close();
        QCOMPARE(m_fixture->countWhere(QStringLiteral("status = 'cancelled'")), 0);
        QCOMPARE(auditRows(), auditBefore);

        // A viewer reads the audit trail: the owner's submission is there.
        window->tabs()->setCurrentWidget(window->auditPage());
        AuditTableModel* audit = window->auditPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() >= 1, 20'000);
        QCOMPARE(audit->entry(0).action, QStringLiteral("submit")); // newest first
        QVERIFY(window->auditPage()->notice()->isHidden());
    }

    void operatorChangesAreAuditedUnderItsLogin()
    {
        Console console = openConsole(QStringLiteral("operator"));
        MainWindow* window = console.window.get();
        const QString login = m_logins.value(QStringLiteral("operator"));
        QCOMPARE(window->identityLabel()->text(), login + QStringLiteral(" · operator"));
        QTRY_VERIFY(window->actions()->cancelAction()->isEnabled());
        QVERIFY(window->addFilesAction()->isEnabled());
        QVERIFY(!window->actions()->cancelAction()->toolTip().contains(QStringLiteral("cannot")));

        QFuture<Result<BulkOutcome>> cancelled = window->actions()->cancel({m_ids.at(1)});
        QTRY_VERIFY_WITH_TIMEOUT(cancelled.isFinished(), 20'000);
        QVERIFY(cancelled.result());
        QCOMPARE(cancelled.result()->changed, QList<qint64>{m_ids.at(1)});

        // The Audit tab, filtered to this login, shows the change on top.
        AuditPage* page = window->auditPage();
        window->tabs()->setCurrentWidget(page);
        page->loginFilter()->setText(login);
        page->reload();
        AuditTableModel* audit = page->model();
        QTRY_COMPARE_WITH_TIMEOUT(audit->rowCount(), 1, 20'000);
        const AuditEntry entry = audit->entry(0);
        QCOMPARE(entry.login, login);
        QCOMPARE(entry.role, QStringLiteral("operator"));
        QCOMPARE(entry.action, QStringLiteral("cancel"));
        QCOMPARE(entry.ids, QList<qint64>{m_ids.at(1)});
        QVERIFY2(entry.client.startsWith(QStringLiteral("pixelnest")), qPrintable(entry.client));
        QCOMPARE(audit->data(audit->index(0, AuditTableModel::Change)).toString(),
                 QStringLiteral("status=cancelled"));
        page->loginFilter()->clear();
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() >= 2, 20'000);
        test::saveScreenshot(window, QStringLiteral("audit-tab.png"));
    }

    void engineLoginIsToldItCannotReadTheTrail()
    {
        Console console = openConsole(QStringLiteral("engine"));
        MainWindow* window = console.window.get();
        const QString login = m_logins.value(QStringLiteral("engine"));
        QCOMPARE(window->identityLabel()->text(), login + QStringLiteral(" · engine"));
        window->tabs()->setCurrentWidget(window->auditPage());
        QLabel* notice = window->auditPage()->notice();
        QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 20'000);
        QVERIFY2(notice->text().contains(
                     QStringLiteral("%1 (engine) cannot read the audit log").arg(login)),
                 qPrintable(notice->text()));
        QCOMPARE(window->auditPage()->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestConsoleRoles)
#include "tst_consoleroles.moc"
