// Why this file is long: every action on jobs (on the selection and over the filter) shares
// the enabling by role, the status-bar confirmations and the permission dialog here.
#include "controllers/jobactions.h"

#include "controllers/actionmessages.h"
#include "dialogs/prioritydialog.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLocale>

#include <QMessageBox>
#include <QWidget>
#include <climits>

namespace pixelnest::ui
{

JobActions::JobActions(AdminService* service, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_service(service), m_dialogParent(dialogParent)
{
    m_setPriority = makeAction(tr("Set &Priority…"), QKeySequence(Qt::CTRL | Qt::Key_P),
                               &JobActions::askPriority);
    m_reprocess = makeAction(tr("&Reprocess"), QKeySequence(Qt::CTRL | Qt::Key_R),
                             &JobActions::reprocessSelected);
    m_reprocessFailed =
        makeAction(tr("Reprocess All &Failed"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                   &JobActions::reprocessAllFailed);
    m_cancel = makeAction(tr("&Cancel Processing"), QKeySequence(Qt::Key_Delete),
                          &JobActions::cancelSelected);
    m_retryNow = makeAction(tr("Retry &Now"), QKeySequence(Qt::CTRL | Qt::Key_T),
                            &JobActions::retryNowSelected);
    m_delete = makeAction(tr("De&lete…"), QKeySequence(Qt::SHIFT | Qt::Key_Delete),
                          &JobActions::deleteSelected);
    m_priorityAll =
        makeAction(tr("Set Priority of All &Matching…"), {}, &JobActions::askPriorityForAll);
    m_cancelAll = new QAction(tr("Cancel All Matc&hing…"), this);
    connect(m_cancelAll, &QAction::triggered, this,
            [this] { confirmMatching(FilterAction::Cancel, 0); });
    m_reprocessAll = new QAction(tr("Reprocess All Matchin&g…"), this);
    connect(m_reprocessAll, &QAction::triggered, this,
            [this] { confirmMatching(FilterAction::Reprocess, 0); });
    m_exportCsv = makeAction(tr("Export as &CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                             &JobActions::exportCsv);
    m_exportJson =
        makeAction(tr("Export as &JSON…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                   &JobActions::exportJson);
    m_copyId = makeAction(tr("Copy &Id"), QKeySequence::Copy, &JobActions::copySelected);
    m_setPriority->setToolTip(tr("Set the priority of the selected images (−1000…1000, higher "
                                 "runs first)"));
    m_reprocess->setToolTip(tr("Queue the selected finished, failed or cancelled images again"));
    m_reprocessFailed->setToolTip(tr("Queue every failed image again"));
    m_cancel->setToolTip(tr("Cancel the selected queued or processing images"));
    m_retryNow->setToolTip(tr("Run the selected images that wait out a retry's backoff now"));
    m_delete->setToolTip(tr("Delete the selected images, their results and history for good"));
    m_priorityAll->setToolTip(tr("Set the priority of every image the filter matches"));
    m_cancelAll->setToolTip(tr("Cancel every queued or processing image the filter matches"));
    m_reprocessAll->setToolTip(tr("Queue every finished image the filter matches again"));
    for (QAction* action : {m_setPriority, m_reprocess, m_reprocessFailed, m_cancel, m_retryNow,
                            m_delete, m_priorityAll, m_cancelAll, m_reprocessAll}) {
        m_tooltips.insert(action, action->toolTip());
    }
    selectionChanged();
}

QAction* JobActions::makeAction(const QString& text, const QKeySequence& shortcut,
                                void (JobActions::*handler)())
{
    auto* action = new QAction(text, this);
    action->setShortcut(shortcut);
    // Shortcuts work wherever focus is in the window that shows the actions.
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, handler);
    return action;
}

QList<QAction*> JobActions::selectionActions() const
{
    return {m_setPriority, m_reprocess, m_retryNow, m_cancel, m_copyId, m_exportCsv, m_exportJson};
}

void JobActions::setSelectionProvider(std::function<QList<qint64>()> selection)
{
    m_selection = std::move(selection);
    selectionChanged();
}

void JobActions::setFilterProvider(std::function<JobQuery()> filter)
{
    m_filter = std::move(filter);
}

void JobActions::setWritable(bool writable)
{
    m_writable = writable;
    selectionChanged();
}

void JobActions::setIdentity(const LoginIdentity& who)
{
    m_identity = who;
    selectionChanged();
}

bool JobActions::allows(AdminAction what) const
{
    return !m_identity || roleMay(m_identity->role, what);
}

QString JobActions::refusal(AdminAction what) const
{
    if (allows(what)) {
        return {};
    }
    return tr("%1 (%2) cannot %3: an admin can grant the operator role")
        .arg(m_identity->login, roleName(m_identity->role), actionPhrase(what));
}

void JobActions::enable(QAction* action, AdminAction what, bool applies)
{
    const bool allowed = allows(what);
    action->setEnabled(m_writable && applies && allowed);
    action->setToolTip(allowed ? m_tooltips.value(action) : refusal(what));
}

void JobActions::selectionChanged()
{
    const bool selected = m_selection && !m_selection().isEmpty();
    enable(m_setPriority, AdminAction::SetPriority, selected);
    enable(m_reprocess, AdminAction::Reprocess, selected);
    enable(m_cancel, AdminAction::Cancel, selected);
    enable(m_retryNow, AdminAction::RetryNow, selected);
    enable(m_delete, AdminAction::DeleteJobs, selected);
    enable(m_priorityAll, AdminAction::SetPriority, true);
    enable(m_cancelAll, AdminAction::Cancel, true);
    enable(m_reprocessAll, AdminAction::Reprocess, true);
    enable(m_reprocessFailed, AdminAction::ReprocessFailed, true);
    m_copyId->setEnabled(selected);
}

QFuture<Result<BulkOutcome>> JobActions::bulk(QFuture<Result<BulkOutcome>> future,
                                              std::function<QString(const BulkOutcome&)> describe)
{
    future.then(this, [this, describe](const Result<BulkOutcome>& outcome) {
        if (!outcome) {
            Q_EMIT message(tr("Failed: %1").arg(outcome.error().message));
            if (outcome.error().code == ErrorCode::PermissionDenied) {
                // Not modal: the console keeps updating, and tests are never blocked.
                auto* box =
                    new QMessageBox(QMessageBox::Warning, tr("Permission denied"),
                                    outcome.error().message, QMessageBox::Ok, m_dialogParent);
                box->setObjectName(QStringLiteral("permissionDeniedDialog"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
            return;
        }
        Q_EMIT message(describe(outcome.value()));
        Q_EMIT databaseChanged();
    });
    return future;
}

QFuture<Result<BulkOutcome>> JobActions::setPriority(const QList<qint64>& ids, int priority)
{
    return bulk(m_service->setPriority(ids, priority), [priority](const BulkOutcome& outcome) {
        return priorityMessage(outcome, priority);
    });
}

QFuture<Result<BulkOutcome>> JobActions::reprocess(const QList<qint64>& ids)
{
    return bulk(m_service->reprocess(ids), reprocessMessage);
}

QFuture<Result<BulkOutcome>> JobActions::reprocessFailed()
{
    return bulk(m_service->reprocessFailed(), reprocessFailedMessage);
}

QFuture<Result<BulkOutcome>> JobActions::cancel(const QList<qint64>& ids)
{
    return bulk(m_service->cancel(ids), cancelMessage);
}

QFuture<Result<BulkOutcome>> JobActions::retryNow(const QList<qint64>& ids)
{
    return bulk(m_service->retryNow(ids), retryNowMessage);
}

QFuture<Result<BulkOutcome>> JobActions::deleteJobs(const QList<qint64>& ids)
{
    return bulk(m_service->deleteJobs(ids), deleteMessage);
}

QString JobActions::deleteQuestion(int count)
{
    return tr("Delete %n image(s)?\n\nTheir files, results and attempt history are removed for "
              "good; an engine processing one drops its result.",
              "", count);
}

QFuture<Result<int>> JobActions::exportTo(const QString& path, ExportFormat format,
                                          const QList<qint64>& ids)
{
    const JobQuery all = m_filter ? m_filter() : JobQuery();
    QFuture<Result<int>> future = exportJobs(*m_service, path, format, ids, all);
    future.then(this, [this, path](const Result<int>& written) {
        Q_EMIT message(written ? exportMessage(written.value(), path)
                               : tr("Export failed: %1").arg(written.error().message));
    });
    return future;
}

void JobActions::copyIds(const QList<qint64>& ids)
{
    QStringList words;
    for (qint64 id : ids) {
        words.append(QString::number(id));
    }
    QGuiApplication::clipboard()->setText(words.join(QLatin1Char(' ')));
    Q_EMIT message(tr("Copied %n id(s)", "", int(ids.size())));
}

void JobActions::askPriority()
{
    const QList<qint64> ids = m_selection ? m_selection() : QList<qint64>();
    if (ids.isEmpty()) {
        return;
    }
    auto* dialog = new PriorityDialog(int(ids.size()), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PriorityDialog::accepted, this,
            [this, ids, dialog] { setPriority(ids, dialog->priority()); });
    dialog->open(); // window-modal, no nested event loop
}

void JobActions::reprocessSelected()
{
    if (m_selection) {
        reprocess(m_selection());
    }
}

void JobActions::reprocessAllFailed()
{
    // Asks first, naming how many.
    JobQuery failed;
    failed.status = JobStatus::Failed;
    m_service->countJobs(failed).then(this, [this](const Result<qint64>& count) {
        if (!count) {
            Q_EMIT message(tr("Failed: %1").arg(count.error().message));
            return;
        }
        if (count.value() == 0) {
            Q_EMIT message(tr("No failed images to reprocess"));
            return;
        }
        const auto answer = QMessageBox::question(
            m_dialogParent, tr("Reprocess All Failed"),
            tr("Queue all %1 failed images again?").arg(QLocale().toString(count.value())),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes) {
            reprocessFailed();
        }
    });
}

QString JobActions::matchingQuestion(FilterAction action, qint64 count, int priority)
{
    const QString n = QLocale().toString(count);
    switch (action) {
    case FilterAction::SetPriority:
        return tr("Set the priority of all %1 images matching this filter to %2?")
            .arg(n)
            .arg(priority);
    case FilterAction::Cancel:
        return tr("Cancel all %1 images matching this filter? Finished ones are left alone.")
            .arg(n);
    case FilterAction::Reprocess:
        return tr("Reprocess all %1 images matching this filter? Queued and processing ones are "
                  "left alone.")
            .arg(n);
    }
    return {};
}

QFuture<Result<FilterOutcome>> JobActions::applyToMatching(FilterAction action, int priority)
{
    const JobQuery filter = m_filter ? m_filter() : JobQuery();
    return m_service->applyToMatching(filter, action, priority)
        .then(this, [this](Result<FilterOutcome> outcome) {
            if (!outcome) {
                Q_EMIT message(tr("Failed: %1").arg(outcome.error().message));
            } else {
                Q_EMIT message(tr("%1 of %2 matching images changed")
                                   .arg(QLocale().toString(outcome->changed),
                                        QLocale().toString(outcome->matched)));
                Q_EMIT databaseChanged();
            }
            return outcome;
        });
}

void JobActions::confirmMatching(FilterAction action, int priority)
{
    const JobQuery filter = m_filter ? m_filter() : JobQuery();
    m_service->countJobs(filter).then(this, [this, action, priority](const Result<qint64>& count) {
        if (!count) {
            Q_EMIT message(tr("Failed: %1").arg(count.error().message));
            return;
        }
        if (count.value() == 0) {
            Q_EMIT message(tr("No image matches this filter"));
            return;
        }
        const auto answer =
            QMessageBox::question(m_dialogParent, tr("All Matching Images"),
                                  matchingQuestion(action, count.value(), priority),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes) {
            applyToMatching(action, priority);
        }
    });
}

void JobActions::askPriorityForAll()
{
    // The dialog names how many it changes: it is the confirmation.
    const JobQuery filter = m_filter ? m_filter() : JobQuery();
    m_service->countJobs(filter).then(this, [this](const Result<qint64>& count) {
        if (!count || count.value() == 0) {
            Q_EMIT message(count ? tr("No image matches this filter")
                                 : tr("Failed: %1").arg(count.error().message));
            return;
        }
        auto* dialog =
            new PriorityDialog(int(qMin<qint64>(count.value(), INT_MAX)), m_dialogParent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &PriorityDialog::accepted, this,
                [this, dialog] { applyToMatching(FilterAction::SetPriority, dialog->priority()); });
        dialog->open();
    });
}

void JobActions::cancelSelected()
{
    if (m_selection) {
        cancel(m_selection());
    }
}

void JobActions::deleteSelected()
{
    const QList<qint64> ids = m_selection ? m_selection() : QList<qint64>();
    if (ids.isEmpty()) {
        return;
    }
    const auto answer =
        QMessageBox::question(m_dialogParent, tr("Delete Images"), deleteQuestion(int(ids.size())),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes) {
        deleteJobs(ids);
    }
}

void JobActions::retryNowSelected()
{
    if (m_selection) {
        retryNow(m_selection());
    }
}

void JobActions::exportCsv()
{
    askExport(ExportFormat::Csv);
}

void JobActions::exportJson()
{
    askExport(ExportFormat::Json);
}

void JobActions::askExport(ExportFormat format)
{
    const QList<qint64> ids = m_selection ? m_selection() : QList<qint64>();
    const bool csv = format == ExportFormat::Csv;
    auto* dialog = new QFileDialog(m_dialogParent,
                                   ids.isEmpty() ? tr("Export All Listed Images")
                                                 : tr("Export %n Image(s)", "", int(ids.size())));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->selectFile(csv ? QStringLiteral("pixelnest.csv") : QStringLiteral("pixelnest.json"));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, format, ids](const QString& path) { exportTo(path, format, ids); });
    dialog->open();
}

void JobActions::copySelected()
{
    if (m_selection) {
        copyIds(m_selection());
    }
}

} // namespace pixelnest::ui
