#pragma once

#include "controllers/exporter.h"
#include "pixelnest/adminservice.h"

#include <QFuture>
#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace pixelnest::ui
{

// What an admin does to the selected images, as QActions for the toolbar, the context menu
// and the keyboard: set priority, reprocess, reprocess all failed, cancel, retry now, delete
// (asks first), export, copy id.
// Every change goes through the admin service and ends with a confirmation in the status bar
// (`message`), such as "12 images queued for reprocessing". Writes are disabled while the
// console is read-only (PostgreSQL lost) and for roles that may not make them; a change the
// server refuses anyway opens a "Permission denied" dialog naming the login and its role.
class JobActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobActions)

public:
    JobActions(AdminService* service, QWidget* dialogParent, QObject* parent = nullptr);

    // The selected ids, and the current filter (exported when nothing is selected).
    void setSelectionProvider(std::function<QList<qint64>()> selection);
    void setFilterProvider(std::function<JobQuery()> filter);
    void setWritable(bool writable);
    // The login's role: what it may not do is disabled, with a tooltip saying why. Until it is
    // known everything is enabled (PostgreSQL refuses what the role may not do anyway).
    void setIdentity(const LoginIdentity& who);
    bool knowsIdentity() const { return m_identity.has_value(); }
    // Whether the role may do `what` (true while the role is not known yet), and if not, the
    // tooltip that says why. The main window asks the same for its upload actions.
    bool allows(AdminAction what) const;
    QString refusal(AdminAction what) const;
    void selectionChanged(); // re-evaluates which actions apply

    QAction* setPriorityAction() const { return m_setPriority; }
    QAction* reprocessAction() const { return m_reprocess; }
    QAction* reprocessFailedAction() const { return m_reprocessFailed; }
    QAction* cancelAction() const { return m_cancel; }
    QAction* retryNowAction() const { return m_retryNow; }
    QAction* deleteAction() const { return m_delete; }
    // The same changes for every job the current filter matches, not only the loaded rows;
    // each asks first, naming how many.
    QAction* priorityAllAction() const { return m_priorityAll; }
    QAction* cancelAllAction() const { return m_cancelAll; }
    QAction* reprocessAllAction() const { return m_reprocessAll; }
    QAction* exportCsvAction() const { return m_exportCsv; }
    QAction* exportJsonAction() const { return m_exportJson; }
    QAction* copyIdAction() const { return m_copyId; }
    QList<QAction*> selectionActions() const;

    // The work behind the actions, without dialogs (the tests call these).
    QFuture<Result<BulkOutcome>> setPriority(const QList<qint64>& ids, int priority);
    QFuture<Result<BulkOutcome>> reprocess(const QList<qint64>& ids);
    QFuture<Result<BulkOutcome>> reprocessFailed();
    QFuture<Result<BulkOutcome>> cancel(const QList<qint64>& ids);
    QFuture<Result<BulkOutcome>> retryNow(const QList<qint64>& ids);
    QFuture<Result<BulkOutcome>> deleteJobs(const QList<qint64>& ids);
    // The question Delete asks first, naming how many (the tests answer it).
    static QString deleteQuestion(int count);
    // Every job matching the current filter, without asking (what the actions run once
    // confirmed), and the question they ask.
    QFuture<Result<FilterOutcome>> applyToMatching(FilterAction action, int priority = 0);
    static QString matchingQuestion(FilterAction action, qint64 count, int priority);
    QFuture<Result<int>> exportTo(const QString& path, ExportFormat format,
                                  const QList<qint64>& ids);
    void copyIds(const QList<qint64>& ids);

Q_SIGNALS:
    void message(const QString& text);
    void databaseChanged(); // an action changed jobs: figures are stale

private:
    QAction* makeAction(const QString& text, const QKeySequence& shortcut,
                        void (JobActions::*handler)());
    void askPriority();
    void reprocessSelected();
    void reprocessAllFailed();
    void cancelSelected();
    void retryNowSelected();
    void deleteSelected(); // asks first
    // Counts what the filter matches, asks naming it, then applies.
    void confirmMatching(FilterAction action, int priority);
    void askPriorityForAll();
    void exportCsv();
    void exportJson();
    void askExport(ExportFormat format);
    void copySelected();
    // Enabled when writable, `applies` and the role may; the tooltip says which is missing.
    void enable(QAction* action, AdminAction what, bool applies);
    QFuture<Result<BulkOutcome>> bulk(QFuture<Result<BulkOutcome>> future,
                                      std::function<QString(const BulkOutcome&)> describe);

    AdminService* m_service;
    QWidget* m_dialogParent;
    std::function<QList<qint64>()> m_selection;
    std::function<JobQuery()> m_filter;
    bool m_writable = true;
    std::optional<LoginIdentity> m_identity;
    QHash<QAction*, QString> m_tooltips; // each action's own, shown while it is allowed
    QAction* m_setPriority = nullptr;
    QAction* m_reprocess = nullptr;
    QAction* m_reprocessFailed = nullptr;
    QAction* m_cancel = nullptr;
    QAction* m_retryNow = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_priorityAll = nullptr;
    QAction* m_cancelAll = nullptr;
    QAction* m_reprocessAll = nullptr;
    QAction* m_exportCsv = nullptr;
    QAction* m_exportJson = nullptr;
    QAction* m_copyId = nullptr;
};

} // namespace pixelnest::ui
