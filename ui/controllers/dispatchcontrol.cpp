#include "controllers/dispatchcontrol.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

namespace pixelnest::ui
{

namespace
{

const QString kEverything = QStringLiteral("*");

} // namespace

DispatchControl::DispatchControl(AdminService* service, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_service(service), m_dialogParent(dialogParent)
{
    m_pauseAll = makeAction(tr("&Pause Dispatch"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseAll->setCheckable(true);
    m_pauseAll->setToolTip(tr("Stop handing out jobs: engines finish what they hold and claim "
                              "nothing new until resumed"));
    connect(m_pauseAll, &QAction::triggered, this,
            [this](bool checked) { setPaused(QString(), checked); });
    m_pipelines = new QMenu(tr("Pause P&ipeline"), dialogParent);
    m_pipelines->setToolTip(tr("Pause or resume one pipeline's queue"));
    m_pauseEngine = makeAction(tr("Pause &Engine"), {});
    m_pauseEngine->setToolTip(tr("The selected engine finishes its jobs and stays idle until "
                                 "resumed"));
    connect(m_pauseEngine, &QAction::triggered, this,
            [this] { controlEngine(m_engine ? m_engine() : QString(), QStringLiteral("pause")); });
    m_resumeEngine = makeAction(tr("Res&ume Engine"), {});
    connect(m_resumeEngine, &QAction::triggered, this,
            [this] { controlEngine(m_engine ? m_engine() : QString(), QStringLiteral("resume")); });
    m_drainEngine = makeAction(tr("&Drain Engine…"), {});
    m_drainEngine->setToolTip(tr("The selected engine finishes its jobs and stops"));
    connect(m_drainEngine, &QAction::triggered, this, &DispatchControl::confirmDrain);
    m_rateLimit = makeAction(tr("Rate &Limit…"), {});
    m_rateLimit->setToolTip(tr("At most N jobs of a pipeline start per second, all engines "
                               "together"));
    connect(m_rateLimit, &QAction::triggered, this, &DispatchControl::askRateLimit);
    updateEnabled();
}

QAction* DispatchControl::makeAction(const QString& text, const QKeySequence& shortcut)
{
    auto* action = new QAction(text, this);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

QList<QAction*> DispatchControl::engineActions() const
{
    return {m_pauseEngine, m_resumeEngine, m_drainEngine};
}

void DispatchControl::setEngineProvider(std::function<QString()> engine)
{
    m_engine = std::move(engine);
    updateEnabled();
}

void DispatchControl::setWritable(bool writable)
{
    m_writable = writable;
    updateEnabled();
}

void DispatchControl::setIdentity(const LoginIdentity& who)
{
    m_identity = who;
    updateEnabled();
}

void DispatchControl::engineSelectionChanged()
{
    updateEnabled();
}

void DispatchControl::updateEnabled()
{
    const bool allowed = !m_identity || roleMay(m_identity->role, AdminAction::ControlDispatch);
    const bool may = m_writable && allowed;
    const bool engine = m_engine && !m_engine().isEmpty();
    m_pauseAll->setEnabled(may);
    m_pipelines->setEnabled(may && !m_pipelineActions.isEmpty());
    m_rateLimit->setEnabled(may && !m_knownPipelines.isEmpty());
    for (QAction* action : engineActions()) {
        action->setEnabled(may && engine);
    }
    if (!allowed) {
        const QString why = tr("%1 (%2) may not pause, resume or drain engines")
                                .arg(m_identity->login, roleName(m_identity->role));
        m_pauseAll->setToolTip(why);
    }
}

void DispatchControl::setStats(const QueueStats& stats)
{
    const QSignalBlocker quiet(m_pauseAll); // reflects the state; not a click
    m_pauseAll->setChecked(stats.paused.contains(kEverything));
    m_pauseAll->setText(m_pauseAll->isChecked() ? tr("&Resume Dispatch") : tr("&Pause Dispatch"));
    QStringList known = stats.readyByPipeline.keys();
    for (const WorkerInfo& worker : stats.workers) {
        for (const QString& pipeline : worker.pipelines) {
            if (!known.contains(pipeline)) {
                known.append(pipeline);
            }
        }
    }
    for (auto it = stats.rateLimits.cbegin(); it != stats.rateLimits.cend(); ++it) {
        if (!known.contains(it.key())) {
            known.append(it.key());
        }
    }
    known.sort();
    m_knownPipelines = known;
    m_rateLimits = stats.rateLimits;
    for (const QString& pipeline : std::as_const(known)) {
        QAction*& action = m_pipelineActions[pipeline];
        if (action == nullptr) {
            action = m_pipelines->addAction(pipeline);
            action->setCheckable(true);
            connect(action, &QAction::triggered, this,
                    [this, pipeline](bool checked) { setPaused(pipeline, checked); });
        }
        const QSignalBlocker quietToo(action);
        action->setChecked(stats.paused.contains(pipeline));
        action->setText(
            stats.rateLimits.contains(pipeline)
                ? tr("%1 (at most %2/s)").arg(pipeline).arg(stats.rateLimits.value(pipeline))
                : pipeline);
    }
    updateEnabled();
}

QFuture<Result<void>> DispatchControl::setPaused(const QString& pipeline, bool paused)
{
    return m_service->setPaused(pipeline, paused)
        .then(this, [this, pipeline, paused](Result<void> done) {
            if (!done) {
                Q_EMIT message(tr("Could not change dispatch: %1").arg(done.error().message));
            } else if (pipeline.isEmpty()) {
                Q_EMIT message(paused ? tr("Dispatch paused: engines finish what they hold and "
                                           "claim nothing new")
                                      : tr("Dispatch resumed"));
            } else {
                Q_EMIT message(paused ? tr("Pipeline %1 paused").arg(pipeline)
                                      : tr("Pipeline %1 resumed").arg(pipeline));
            }
            Q_EMIT dispatchChanged();
            return done;
        });
}

QFuture<Result<QStringList>> DispatchControl::controlEngine(const QString& engine,
                                                            const QString& instruction)
{
    return m_service->controlWorker(engine, instruction)
        .then(this, [this, engine, instruction](Result<QStringList> done) {
            if (!done) {
                Q_EMIT message(
                    tr("Could not %1 %2: %3").arg(instruction, engine, done.error().message));
            } else if (instruction == QLatin1String("drain")) {
                Q_EMIT message(tr("Draining %1: it finishes its jobs and stops").arg(engine));
            } else if (instruction == QLatin1String("pause")) {
                Q_EMIT message(
                    tr("Engine %1 paused: it finishes its jobs and stays idle").arg(engine));
            } else {
                Q_EMIT message(tr("Engine %1 resumed").arg(engine));
            }
            Q_EMIT dispatchChanged();
            return done;
        });
}

QFuture<Result<void>> DispatchControl::setRateLimit(const QString& pipeline, double perSecond)
{
    return m_service->setRateLimit(pipeline, perSecond)
        .then(this, [this, pipeline, perSecond](Result<void> done) {
            if (!done) {
                Q_EMIT message(tr("Could not set the rate limit: %1").arg(done.error().message));
            } else {
                Q_EMIT message(
                    perSecond > 0
                        ? tr("Pipeline %1: at most %2 jobs per second").arg(pipeline).arg(perSecond)
                        : tr("Pipeline %1: no rate limit").arg(pipeline));
            }
            Q_EMIT dispatchChanged();
            return done;
        });
}

void DispatchControl::askRateLimit()
{
    bool ok = false;
    const QString pipeline = QInputDialog::getItem(
        m_dialogParent, tr("Rate Limit"), tr("Pipeline:"), m_knownPipelines, 0, false, &ok);
    if (!ok || pipeline.isEmpty()) {
        return;
    }
    const double perSecond = QInputDialog::getDouble(
        m_dialogParent, tr("Rate Limit"),
        tr("Jobs of %1 per second, all engines together (0: no limit):").arg(pipeline),
        m_rateLimits.value(pipeline), 0, 1e6, 1, &ok);
    if (ok) {
        setRateLimit(pipeline, perSecond);
    }
}

void DispatchControl::confirmDrain()
{
    const QString engine = m_engine ? m_engine() : QString();
    if (engine.isEmpty()) {
        return;
    }
    const auto answer = QMessageBox::question(
        m_dialogParent, tr("Drain Engine"),
        tr("Drain %1?\n\nIt claims nothing new, finishes the jobs it holds and stops; a "
           "headless engine then exits (systemd restarts it only if told to).")
            .arg(engine),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes) {
        controlEngine(engine, QStringLiteral("drain"));
    }
}

} // namespace pixelnest::ui
