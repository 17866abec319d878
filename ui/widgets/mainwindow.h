#pragma once

#include "controllers/uploadcontroller.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QSystemTrayIcon;
class QTabWidget;

namespace pixelnest::ui
{

class AlertWatcher;
class AuditPage;
class ConnectionIndicator;
class ConsoleSession;
class DashboardWidget;
class DispatchBanner;
class DispatchControl;
class ImagesPage;
class JobActions;
class StatsPoller;

// The admin console's window: the Images tab (filter, search, the paged table, the detail
// pane) and the Dashboard tab; uploads by menu, toolbar or drag & drop; actions on the
// selection; the connection state in the status bar, read-only while PostgreSQL is lost.
// Window layout and column widths are remembered.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(ConsoleSession* session, QWidget* parent = nullptr);
    ~MainWindow() override;

    ImagesPage* imagesPage() const { return m_images; }
    DashboardWidget* dashboard() const { return m_dashboard; }
    JobActions* actions() const { return m_actions; }
    DispatchControl* dispatchControl() const { return m_dispatch; }
    DispatchBanner* dispatchBanner() const { return m_banner; }
    AlertWatcher* alertWatcher() const { return m_alerts; }
    QString lastAlert() const { return m_lastAlert; } // the last notification's title (tests)
    StatsPoller* poller() const { return m_poller; }
    ConnectionIndicator* connectionIndicator() const { return m_indicator; }
    QTabWidget* tabs() const { return m_tabs; }
    AuditPage* auditPage() const { return m_audit; }
    QLabel* identityLabel() const { return m_identityLabel; }
    QLabel* engineLabel() const { return m_engineLabel; }
    QAction* addFilesAction() const { return m_addFiles; }

    // Asks for the upload options, then uploads (drop, Add Files, Add Folder end here).
    void askUpload(const QStringList& paths);
    // askUpload as soon as the console may upload (`pixelnest FILE...`, the desktop entry's
    // "Open With"): at once if connected, else when the servers are up.
    void uploadWhenReady(const QStringList& paths);
    // Uploads at once with `options`; the progress dialog shows and stays for the summary.
    UploadController* startUpload(const QStringList& paths, const UploadOptions& options);
    bool isWritable() const { return m_writable; }

Q_SIGNALS:
    void closed();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void wireSession();
    void wireFigures();
    void setWritable(bool writable);
    void onReady();
    void loadIdentity(); // the status bar's "login · role" and what the role may do
    void onConnectionChanged(bool connected, const QString& outage);
    void updateCountLabel();
    void addFiles();
    void addFolder();
    void showConnectionDialog();
    void showSettings();
    void showAbout();
    // Failures spiking, the last engine gone: the tray (where there is one) and the status bar.
    void notify(const QString& title, const QString& message);
    void saveLayout() const;
    void restoreLayout();

    ConsoleSession* m_session;
    ImagesPage* m_images = nullptr;
    DashboardWidget* m_dashboard = nullptr;
    QTabWidget* m_tabs = nullptr;
    JobActions* m_actions = nullptr;
    DispatchControl* m_dispatch = nullptr;
    DispatchBanner* m_banner = nullptr;
    AlertWatcher* m_alerts = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QString m_lastAlert;
    StatsPoller* m_poller = nullptr;
    ConnectionIndicator* m_indicator = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_identityLabel = nullptr;
    QLabel* m_engineLabel = nullptr; // the in-process engine's activity
    QTimer m_engineTimer;
    bool m_identityAsked = false; // an identity() answer is awaited
    AuditPage* m_audit = nullptr;
    QAction* m_addFiles = nullptr;
    QAction* m_addFolder = nullptr;
    QAction* m_refresh = nullptr;
    QTimer m_statsSoon; // live events refresh the figures, at most once a second
    qint64 m_total = -1;
    bool m_writable = false;
    QStringList m_pendingUpload; // uploadWhenReady's files, until the console may upload
    bool m_wasLost = false;
};

} // namespace pixelnest::ui
