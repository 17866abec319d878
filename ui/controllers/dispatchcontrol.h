#pragma once

#include "pixelnest/adminservice.h"

#include <QFuture>
#include <QHash>
#include <QMap>
#include <QObject>

#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace pixelnest::ui
{

// Pause and resume dispatch (everything, or one pipeline) and pause, resume or drain one engine,
// as QActions for the toolbar, the menus, the workers table and the keyboard. Which are checked
// follows the stats (what Redis says is paused), so two consoles agree. Engines follow within a
// heartbeat and finish the jobs they hold. Viewers see the actions disabled, with the reason.
class DispatchControl final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispatchControl)

public:
    DispatchControl(AdminService* service, QWidget* dialogParent, QObject* parent = nullptr);

    QAction* pauseAllAction() const { return m_pauseAll; } // checkable: checked = paused
    QMenu* pipelinesMenu() const { return m_pipelines; }   // one checkable entry per pipeline
    QAction* pauseEngineAction() const { return m_pauseEngine; }
    QAction* resumeEngineAction() const { return m_resumeEngine; }
    QAction* drainEngineAction() const { return m_drainEngine; }
    QAction* rateLimitAction() const { return m_rateLimit; } // asks pipeline and rate
    QList<QAction*> engineActions() const;

    // The engine the engine actions apply to (the workers table's selection).
    void setEngineProvider(std::function<QString()> engine);
    void setStats(const QueueStats& stats);
    void setWritable(bool writable);
    void setIdentity(const LoginIdentity& who);
    void engineSelectionChanged();

    // The work behind the actions, without dialogs (the tests call these).
    QFuture<Result<void>> setPaused(const QString& pipeline, bool paused);
    QFuture<Result<QStringList>> controlEngine(const QString& engine, const QString& instruction);
    QFuture<Result<void>> setRateLimit(const QString& pipeline, double perSecond);

Q_SIGNALS:
    void message(const QString& text);
    void dispatchChanged(); // figures are stale: poll the stats again

private:
    void updateEnabled();
    void confirmDrain();
    void askRateLimit();
    QAction* makeAction(const QString& text, const QKeySequence& shortcut);

    AdminService* m_service;
    QWidget* m_dialogParent;
    std::function<QString()> m_engine;
    bool m_writable = true;
    std::optional<LoginIdentity> m_identity;
    QAction* m_pauseAll = nullptr;
    QMenu* m_pipelines = nullptr;
    QHash<QString, QAction*> m_pipelineActions;
    QAction* m_pauseEngine = nullptr;
    QAction* m_resumeEngine = nullptr;
    QAction* m_drainEngine = nullptr;
    QAction* m_rateLimit = nullptr;
    QStringList m_knownPipelines;
    QMap<QString, double> m_rateLimits;
};

} // namespace pixelnest::ui
