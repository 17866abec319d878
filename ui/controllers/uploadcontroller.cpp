#include "controllers/uploadcontroller.h"

namespace pixelnest::ui
{

namespace
{

QList<UploadFailure> failuresOf(const QList<SubmissionReject>& rejected)
{
    QList<UploadFailure> failures;
    for (const SubmissionReject& reject : rejected) {
        failures.append({reject.path, reject.error.message});
    }
    return failures;
}

} // namespace

UploadController::UploadController(AdminService* service, QObject* parent)
    : QObject(parent), m_service(service)
{
}

UploadController::~UploadController() = default;

void UploadController::start(const QStringList& paths, const UploadOptions& options)
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_cancelled = false;
    m_stopReason.clear();
    m_options = options;
    m_summary = {};
    m_next = 0;
    m_bytesDone = 0;
    m_service->planSubmission(paths).then(this, [this](const SubmissionPlan& plan) {
        m_files = plan.files;
        m_summary.failures = failuresOf(plan.rejected);
        m_summary.files = int(plan.files.size() + plan.rejected.size());
        m_summary.bytes = plan.bytes;
        Q_EMIT scanned(m_summary.files, m_summary.bytes);
        if (Result<void> priority = checkPriority(m_options.priority); !priority) {
            m_cancelled = true;
            m_stopReason = tr("not uploaded: %1").arg(priority.error().message);
        }
        sendNextBatch();
    });
}

void UploadController::cancel()
{
    m_cancelled = true;
    m_stopReason = tr("not uploaded: cancelled");
}

void UploadController::sendNextBatch()
{
    if (m_cancelled || m_next >= m_files.size()) {
        finish();
        return;
    }
    const QList<SubmissionFile> batch = nextSubmissionBatch(m_files, m_next);
    m_next += int(batch.size());
    qint64 batchBytes = 0;
    for (const SubmissionFile& file : batch) {
        batchBytes += file.bytes;
    }
    m_service->submitBatch(batch, m_options)
        .then(this, [this, batch, batchBytes](const Result<SubmissionReport>& outcome) {
            if (!outcome) {
                for (const SubmissionFile& file : batch) {
                    m_summary.failures.append({file.path, outcome.error().message});
                }
                if (isRetryable(outcome.error())) {
                    m_cancelled = true; // the rest would fail the same way
                    m_stopReason = tr("not uploaded: %1").arg(outcome.error().message);
                }
            } else {
                for (const SubmissionAccepted& accepted : outcome->accepted) {
                    m_summary.ids.append(accepted.id);
                }
                m_summary.failures += failuresOf(outcome->rejected);
            }
            m_bytesDone += batchBytes;
            Q_EMIT progress(int(m_summary.failures.size() + m_summary.ids.size()), m_summary.files,
                            m_bytesDone, m_summary.bytes);
            sendNextBatch();
        });
}

void UploadController::finish()
{
    m_running = false;
    m_summary.cancelled = m_cancelled && m_next < m_files.size();
    if (m_summary.cancelled) {
        for (int i = m_next; i < m_files.size(); ++i) {
            m_summary.failures.append({m_files[i].path, m_stopReason});
        }
    }
    Q_EMIT finished(m_summary);
}

} // namespace pixelnest::ui
