// Why this file is long: it is the window's wiring (menus, toolbar, status bar, the session,
// the poller and the controllers); the behaviour itself lives in those classes.
#include "widgets/mainwindow.h"

#include "controllers/dispatchcontrol.h"
#include "controllers/jobactions.h"
#include "core/alertwatcher.h"
#include "core/consolesession.h"
#include "core/engineactivity.h"
#include "core/settings.h"
#include "core/statspoller.h"
#include "dashboard/dashboardwidget.h"
#include "models/jobtablemodel.h"
#include "widgets/appicon.h"
#include "widgets/auditpage.h"
#include "widgets/connectionindicator.h"
#include "widgets/dispatchbanner.h"
#include "widgets/imagespage.h"
#include "widgets/jobtableview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

namespace pixelnest::ui
{

namespace
{

constexpr int kStatsIntervalMs = 2000;
constexpr int kMessageMs = 10'000;

} // namespace

MainWindow::MainWindow(ConsoleSession* session, QWidget* parent)
    : QMainWindow(parent), m_session(session)
{
    setWindowTitle(tr("Pixelnest"));
    setWindowIcon(appIcon());
    setAcceptDrops(true);
    resize(1280, 800);
    m_tabs = new QTabWidget(this);
    m_images = new ImagesPage(session->service(), m_tabs);
    m_dashboard = new DashboardWidget(m_tabs);
    m_tabs->addTab(m_images, tr("&Images"));
    m_tabs->addTab(m_dashboard, tr("&Dashboard"));
    m_audit = new AuditPage(session->service(), m_tabs);
    m_tabs->addTab(m_audit, tr("&Audit"));
    m_poller = new StatsPoller(session->service(), kStatsIntervalMs, this);
    m_actions = new JobActions(session->service(), this, this);
    m_dispatch = new DispatchControl(session->service(), this, this);
    m_alerts = new AlertWatcher(this);
    m_dispatch->setEngineProvider([this] { return m_dashboard->selectedWorker(); });
    m_banner = new DispatchBanner(m_dispatch->pauseAllAction(), this);
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_banner);
    column->addWidget(m_tabs, 1);
    setCentralWidget(central);
    m_actions->setSelectionProvider([this] { return m_images->selectedIds(); });
    m_actions->setFilterProvider([this] { return m_images->model()->query(); });
    buildActions();
    buildMenus();
    buildToolBar();
    m_countLabel = new QLabel(this);
    m_indicator = new ConnectionIndicator(this);
    m_identityLabel = new QLabel(this);
    m_identityLabel->setObjectName(QStringLiteral("identityLabel"));
    m_engineLabel = new QLabel(this);
    m_engineLabel->setObjectName(QStringLiteral("engineActivity"));
    statusBar()->addPermanentWidget(m_engineLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    // What the in-process engine does, once a second (nothing to say: console only).
    m_engineTimer.setInterval(1000);
    connect(&m_engineTimer, &QTimer::timeout, this, [this] {
        const QString activity = engineActivity(m_session->embeddedEngine());
        m_engineLabel->setText(activity);
        m_engineLabel->setVisible(!activity.isEmpty());
    });
    m_engineTimer.start();
    statusBar()->addPermanentWidget(m_identityLabel);
    statusBar()->addPermanentWidget(m_indicator);
    wireFigures();
    wireSession();
    restoreLayout();
    setWritable(false);
    m_images->view()->setEmptyHint(tr("Starting…"));
    if (session->isReady()) {
        onReady(); // a second window on a running session
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    const auto make = [this](const QString& text, const QKeySequence& key,
                             QStyle::StandardPixmap icon, void (MainWindow::*slot)()) {
        auto* action = new QAction(style()->standardIcon(icon), text, this);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_addFiles =
        make(tr("Add &Files…"), QKeySequence::Open, QStyle::SP_FileIcon, &MainWindow::addFiles);
    m_addFolder = make(tr("Add F&older…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                       QStyle::SP_DirIcon, &MainWindow::addFolder);
    m_refresh = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Re&fresh"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_images->model()->reload();
        m_poller->pollNow();
    });
    m_actions->setPriorityAction()->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_actions->reprocessAction()->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_actions->cancelAction()->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    m_actions->exportCsvAction()->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_images->view()->addActions(m_actions->selectionActions());
    connect(m_images, &ImagesPage::selectionChanged, m_actions, &JobActions::selectionChanged);
    connect(m_images, &ImagesPage::selectionChanged, this, [this] {
        // Never a silent partial action: a selection reaching rows never read (Select All over a
        // million) says, before anything is done, that actions take the loaded rows only.
        const int notLoaded = m_images->selectedRowCount() - int(m_images->selectedIds().size());
        if (notLoaded > 0) {
            statusBar()->showMessage(
                tr("%n selected row(s) not loaded: actions on the selection leave them out; "
                   "Images → All Matching the Filter acts on every match.",
                   "", notLoaded),
                kMessageMs);
        }
    });
    m_dispatch->pauseAllAction()->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    // The workers table's context menu (and its keyboard: the menu key) acts on its selection.
    QTableView* workers = m_dashboard->workersView();
    workers->setContextMenuPolicy(Qt::ActionsContextMenu);
    workers->addActions(m_dispatch->engineActions());
    connect(workers->selectionModel(), &QItemSelectionModel::selectionChanged, m_dispatch,
            &DispatchControl::engineSelectionChanged);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_addFiles, m_addFolder});
    file->addSeparator();
    file->addActions({m_actions->exportCsvAction(), m_actions->exportJsonAction()});
    file->addSeparator();
    file->addAction(tr("&Connection…"), this, &MainWindow::showConnectionDialog);
    file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* images = menuBar()->addMenu(tr("I&mages"));
    images->addActions({m_actions->setPriorityAction(), m_actions->reprocessAction(),
                        m_actions->reprocessFailedAction(), m_actions->retryNowAction(),
                        m_actions->cancelAction(), m_actions->deleteAction()});
    QMenu* matching = images->addMenu(tr("All Matc&hing the Filter"));
    matching->addActions({m_actions->priorityAllAction(), m_actions->cancelAllAction(),
                          m_actions->reprocessAllAction()});
    images->addSeparator();
    images->addAction(m_dispatch->pauseAllAction());
    images->addMenu(m_dispatch->pipelinesMenu());
    images->addAction(m_dispatch->rateLimitAction());
    images->addSeparator();
    images->addActions({m_actions->copyIdAction(), m_refresh});
    QMenu* engines = menuBar()->addMenu(tr("&Engines"));
    engines->addActions(m_dispatch->engineActions());
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* showImages =
        view->addAction(tr("&Images"), this, [this] { m_tabs->setCurrentIndex(0); });
    showImages->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction* showDashboard =
        view->addAction(tr("&Dashboard"), this, [this] { m_tabs->setCurrentIndex(1); });
    showDashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction* showAudit =
        view->addAction(tr("&Audit"), this, [this] { m_tabs->setCurrentWidget(m_audit); });
    showAudit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Pixelnest"), this, &MainWindow::showAbout);
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({m_addFiles, m_addFolder});
    bar->addSeparator();
    bar->addActions({m_actions->setPriorityAction(), m_actions->reprocessAction(),
                     m_actions->reprocessFailedAction(), m_actions->cancelAction()});
    bar->addAction(m_dispatch->pauseAllAction());
    bar->addSeparator();
    bar->addActions({m_actions->exportCsvAction(), m_refresh});
}

void MainWindow::wireFigures()
{
    m_statsSoon.setSingleShot(true);
    m_statsSoon.setInterval(1000);
    connect(&m_statsSoon, &QTimer::timeout, m_poller, &StatsPoller::pollNow);
    connect(m_poller, &StatsPoller::statsUpdated, this, [this](const QueueStats& stats) {
        m_dashboard->setStats(stats);
        m_dispatch->setStats(stats);
        m_banner->setStats(stats);
        m_alerts->observe(stats);
        m_images->setCounts(stats.counts);
        m_total = 0;
        for (qint64 count : stats.counts) {
            m_total += count;
        }
        updateCountLabel();
    });
    connect(m_poller, &StatsPoller::throughputUpdated, m_dashboard,
            &DashboardWidget::setThroughput);
    connect(m_dashboard, &DashboardWidget::windowChanged, m_poller,
            &StatsPoller::setThroughputMinutes);
    JobTableModel* model = m_images->model();
    connect(model, &JobTableModel::totalChanged, this, &MainWindow::updateCountLabel);
    connect(model, &JobTableModel::modelReset, this, &MainWindow::updateCountLabel);
    connect(model, &JobTableModel::loadFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Could not load images: %1").arg(message), kMessageMs);
    });
    connect(m_actions, &JobActions::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, kMessageMs); });
    connect(m_actions, &JobActions::databaseChanged, &m_statsSoon, qOverload<>(&QTimer::start));
    connect(m_dispatch, &DispatchControl::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, kMessageMs); });
    connect(m_dispatch, &DispatchControl::dispatchChanged, m_poller, &StatsPoller::pollNow);
    connect(m_alerts, &AlertWatcher::alert, this, &MainWindow::notify);
}

void MainWindow::notify(const QString& title, const QString& message)
{
    // A desktop notification where the desktop has a tray; always the status bar, and the
    // taskbar entry asks for attention.
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (m_tray == nullptr) {
            m_tray = new QSystemTrayIcon(windowIcon(), this);
            m_tray->setToolTip(tr("Pixelnest"));
            connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
                showNormal();
                activateWindow();
            });
        }
        m_tray->show();
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 10'000);
    }
    statusBar()->showMessage(title + QStringLiteral(": ") + message, kMessageMs);
    QApplication::alert(this);
    m_lastAlert = title;
}

void MainWindow::wireSession()
{
    connect(m_session, &ConsoleSession::progress, this, [this](const QString& message) {
        m_indicator->setState(ConnectionIndicator::State::Connecting, message);
        if (!m_session->isReady()) {
            m_images->view()->setEmptyHint(message);
        }
    });
    connect(m_session, &ConsoleSession::startFailed, this, [this](const QString& message) {
        m_indicator->setState(ConnectionIndicator::State::Lost,
                              tr("Not connected: %1").arg(message), message);
        m_images->view()->setEmptyHint(
            tr("Pixelnest could not connect:\n%1\n\nIt keeps trying; File → Connection… "
               "chooses other servers.")
                .arg(message));
    });
    connect(m_session, &ConsoleSession::ready, this, &MainWindow::onReady);
    connect(m_session, &ConsoleSession::connectionChanged, this, &MainWindow::onConnectionChanged);
    connect(m_session, &ConsoleSession::jobsChanged, this, [this](const QList<qint64>& ids) {
        m_images->model()->noteChanged(ids);
        if (!m_statsSoon.isActive()) {
            m_statsSoon.start();
        }
    });
    connect(m_session, &ConsoleSession::notice, this,
            [this](const QString& message) { statusBar()->showMessage(message, kMessageMs); });
    connect(m_session, &ConsoleSession::resynced, m_images->model(), &JobTableModel::refreshLoaded);
}

void MainWindow::onReady()
{
    m_images->view()->setEmptyHint(
        tr("Drop images here to process them\n(or use Add Files… and Add Folder…)"));
    m_images->model()->reload();
    m_poller->start();
    onConnectionChanged(m_session->isConnected(), m_session->outageMessage());
    loadIdentity();
    m_audit->reload();
}

void MainWindow::loadIdentity()
{
    if (m_identityAsked) {
        return; // one question at a time: ready and the connection coming back both ask
    }
    m_identityAsked = true;
    m_session->service()->identity().then(this, [this](const Result<LoginIdentity>& who) {
        m_identityAsked = false;
        if (!who) {
            return; // asked again when the connection comes back (onConnectionChanged)
        }
        m_identityLabel->setText(tr("%1 · %2").arg(who->login, roleName(who->role)));
        m_identityLabel->setToolTip(tr("PostgreSQL login %1, acting as Pixelnest role %2")
                                        .arg(who->login, roleName(who->role)));
        m_actions->setIdentity(who.value());
        m_dispatch->setIdentity(who.value());
        setWritable(m_writable);
    });
}

void MainWindow::onConnectionChanged(bool connected, const QString& outage)
{
    if (!connected) {
        m_indicator->setState(ConnectionIndicator::State::Lost,
                              tr("Connection lost, read-only until it returns"), outage);
        m_wasLost = true;
    } else if (!outage.isEmpty()) {
        m_indicator->setState(
            ConnectionIndicator::State::Degraded,
            tr("%1 · Redis unreachable: queue figures are stale").arg(m_session->description()),
            outage);
    } else {
        m_indicator->setState(ConnectionIndicator::State::Connected, m_session->description());
    }
    if (connected && !m_actions->knowsIdentity()) {
        loadIdentity();
    }
    if (connected && m_wasLost) {
        m_wasLost = false;
        m_images->model()->refreshLoaded(); // what changed meanwhile was not announced
        m_poller->pollNow();
    }
    setWritable(connected);
}

void MainWindow::setWritable(bool writable)
{
    m_writable = writable;
    m_actions->setWritable(writable);
    m_dispatch->setWritable(writable);
    const bool maySubmit = m_actions->allows(AdminAction::Submit);
    for (QAction* upload : {m_addFiles, m_addFolder}) {
        upload->setEnabled(writable && maySubmit);
        upload->setToolTip(maySubmit ? upload->text().remove(QLatin1Char('&'))
                                     : m_actions->refusal(AdminAction::Submit));
    }
    if (writable && !m_pendingUpload.isEmpty()) {
        askUpload(std::exchange(m_pendingUpload, {}));
    }
}

void MainWindow::updateCountLabel()
{
    const QLocale locale;
    const int matching = m_images->model()->rowCount();
    if (m_total < 0) {
        m_countLabel->setText(tr("%1 in the table").arg(locale.toString(matching)));
    } else if (m_images->model()->query().filters()) {
        m_countLabel->setText(
            tr("%1 of %2 images").arg(locale.toString(matching), locale.toString(m_total)));
    } else {
        m_countLabel->setText(tr("%1 images").arg(locale.toString(m_total)));
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (m_addFiles->isEnabled() && event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths.append(url.toLocalFile());
        }
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        askUpload(paths);
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    m_poller->stop();
    event->accept();
    Q_EMIT closed();
}

void MainWindow::saveLayout() const
{
    const auto settings = openSettings();
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"), saveState());
    settings->setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    m_images->saveState(*settings);
}

void MainWindow::restoreLayout()
{
    const auto settings = openSettings();
    restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
    m_tabs->setCurrentIndex(settings->value(QStringLiteral("window/tab"), 0).toInt());
    m_images->restoreState(*settings);
}

} // namespace pixelnest::ui
