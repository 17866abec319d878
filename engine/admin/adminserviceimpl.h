#pragma once

#include "admin/adminlane.h"
#include "pixelnest/adminservice.h"
#include "pixelnest/jobevents.h"

#include <memory>

namespace pixelnest::engine
{

// AdminService over real servers: five lanes (browse, media, actions, stats, upload), each an
// AdminClient on its own thread, and the NOTIFY listener for live events. Lane outcomes become
// availabilityChanged by the service their error names, never by its text.
class AdminServiceImpl final : public AdminService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminServiceImpl)

public:
    explicit AdminServiceImpl(const EngineConfig& config);
    ~AdminServiceImpl() override;

    void setConnection(const ConnectionConfig& connections) override;
    QFuture<Result<QList<JobRecord>>> jobs(const JobQuery& query) override;
    QFuture<Result<JobDetail>> job(qint64 id) override;
    QFuture<Result<QByteArray>> image(qint64 id, const QByteArray& kind) override;
    QFuture<Result<BulkOutcome>> setPriority(const QList<qint64>& ids, int priority) override;
    QFuture<Result<BulkOutcome>> reprocess(const QList<qint64>& ids) override;
    QFuture<Result<BulkOutcome>> reprocessFailed() override;
    QFuture<Result<BulkOutcome>> cancel(const QList<qint64>& ids) override;
    QFuture<Result<BulkOutcome>> retryNow(const QList<qint64>& ids) override;
    QFuture<Result<BulkOutcome>> deleteJobs(const QList<qint64>& ids) override;
    QFuture<Result<qint64>> countJobs(const JobQuery& query) override;
    QFuture<Result<FilterOutcome>> applyToMatching(const JobQuery& filter, FilterAction action,
                                                   int priority) override;
    QFuture<Result<void>> setPaused(const QString& pipeline, bool paused) override;
    QFuture<Result<QStringList>> controlWorker(const QString& worker,
                                               const QString& instruction) override;
    QFuture<Result<void>> setRateLimit(const QString& pipeline, double perSecond) override;
    QFuture<Result<void>> forEachJob(const QList<qint64>& ids, const JobQuery& filter,
                                     PageSink sink) override;
    QFuture<Result<QueueStats>> stats() override;
    QFuture<Result<QList<MinuteCounts>>> finishedPerMinute(int minutes) override;
    QFuture<Result<LoginIdentity>> identity() override;
    QFuture<Result<QList<AuditEntry>>> audit(const AuditQuery& query) override;
    QFuture<SubmissionPlan> planSubmission(const QStringList& paths) override;
    QFuture<Result<SubmissionReport>> submitBatch(const QList<SubmissionFile>& batch,
                                                  const SubmissionOptions& options) override;

private:
    AdminLane* addLane(const QString& name, bool reachesRedis);

    EngineConfig m_config;
    AdminLane* m_browse = nullptr;
    AdminLane* m_media = nullptr;
    AdminLane* m_actions = nullptr;
    AdminLane* m_stats = nullptr;
    AdminLane* m_upload = nullptr;
    std::unique_ptr<JobEventListener> m_listener;
};

} // namespace pixelnest::engine
