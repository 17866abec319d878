#pragma once

#include "pixelnest/adminservice.h"

#include <QHash>
#include <QMap>
#include <QStringList>

#include <optional>

namespace pixelnest::test
{

// An in-memory AdminService for the console's models and controllers: no servers, no threads,
// deterministic. Answers arrive from the event loop, never inside the call (as the real
// service's do). `rows` is the database; `calls` records what was asked, for assertions; an
// outage of one service makes every call fail the way the real one would.
class FakeAdminService final : public AdminService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeAdminService)

public:
    explicit FakeAdminService(QObject* parent = nullptr);

    // `count` queued jobs titled "job N", ids from 1 (or after the last one).
    QList<qint64> addJobs(int count, JobStatus status = JobStatus::Queued, int priority = 0);
    JobRecord* find(qint64 id);
    // Announces a live change of these rows, as NOTIFY would.
    void announce(const QList<qint64>& ids) { Q_EMIT jobsChanged(ids); }
    // Until restored, every call fails with `service` unreachable (message as given).
    void setOutage(std::optional<Service> service, const QString& message = {});

    QList<JobRecord> rows;
    QHash<qint64, QByteArray> thumbnails;                     // image(id, "thumbnail")
    LoginIdentity who{QStringLiteral("tester"), Role::Owner}; // identity()
    QList<AuditEntry> auditTrail;                             // audit(), newest first
    QList<WorkerInfo> workers;                                // stats().workers
    QStringList paused;                                       // stats().paused
    QMap<QString, qint64> readyByPipeline;                    // stats().readyByPipeline
    QMap<QString, double> rateLimits;                         // stats().rateLimits
    QStringList calls;
    ConnectionConfig connection;

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
    // Paths are names, not files: one containing "missing" is not found, every other is a
    // 1000-byte file. In submitBatch, one containing "bad" is not an image.
    QFuture<SubmissionPlan> planSubmission(const QStringList& paths) override;
    QFuture<Result<SubmissionReport>> submitBatch(const QList<SubmissionFile>& batch,
                                                  const SubmissionOptions& options) override;

private:
    template <typename T> QFuture<T> later(T value);
    template <typename T>
    QFuture<Result<T>> answer(const QString& call, std::function<Result<T>()> work);
    QList<JobRecord> matching(const JobQuery& query) const;
    BulkOutcome change(const QList<qint64>& ids, const std::function<bool(JobRecord&)>& apply);

    std::optional<Service> m_outage;
    QString m_outageMessage;
};

} // namespace pixelnest::test
