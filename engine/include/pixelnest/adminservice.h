#pragma once

#include "pixelnest/adminclient.h"
#include "pixelnest/connectionconfig.h"
#include "pixelnest/engineconfig.h"
#include "pixelnest/submission.h"

#include <QFuture>
#include <QObject>

#include <functional>
#include <memory>

namespace pixelnest
{

// The admin operations as the console uses them, the way qBittorrent's GUI talks to an abstract
// `Session`: every call returns at once with a QFuture<Result<T>> that the caller consumes with
// `.then(context, …)`; the answer never arrives synchronously, always from the event loop.
// Where the calls run is the implementation's business (the real one keeps a few worker
// threads, "lanes", each with its own connections; calls on one lane run in the order they were
// made), so the console's models and controllers test against an in-memory fake.
//
// Lanes of the real implementation, for callers that care about order: jobs() on the browse
// lane, with audit() and identity(); job() and image() on the media lane; priority, reprocess,
// cancel, retryNow, setPaused, controlWorker and forEachJob() on the actions lane; stats() and
// finishedPerMinute() on the stats lane; planSubmission() and submitBatch() on the upload lane.
class AdminService : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminService)

public:
    explicit AdminService(QObject* parent = nullptr) : QObject(parent) {}
    ~AdminService() override = default;

    // The servers that calls made from now on go to (the console switches at run time);
    // answers to earlier calls still arrive. Live events restart on them.
    virtual void setConnection(const ConnectionConfig& connections) = 0;

    virtual QFuture<Result<QList<JobRecord>>> jobs(const JobQuery& query) = 0;
    virtual QFuture<Result<JobDetail>> job(qint64 id) = 0;
    // "original", "thumbnail" or "anonymised"; empty when none is stored.
    virtual QFuture<Result<QByteArray>> image(qint64 id, const QByteArray& kind) = 0;

    virtual QFuture<Result<BulkOutcome>> setPriority(const QList<qint64>& ids, int priority) = 0;
    virtual QFuture<Result<BulkOutcome>> reprocess(const QList<qint64>& ids) = 0;
    virtual QFuture<Result<BulkOutcome>> reprocessFailed() = 0;
    virtual QFuture<Result<BulkOutcome>> cancel(const QList<qint64>& ids) = 0;
    // How many jobs match `query` (its page ignored), and an action on all of them.
    virtual QFuture<Result<qint64>> countJobs(const JobQuery& query) = 0;
    virtual QFuture<Result<FilterOutcome>> applyToMatching(const JobQuery& filter,
                                                           FilterAction action, int priority) = 0;
    // Deletes jobs whatever their state (admins).
    virtual QFuture<Result<BulkOutcome>> deleteJobs(const QList<qint64>& ids) = 0;
    // Jobs waiting out a retry's backoff run now.
    virtual QFuture<Result<BulkOutcome>> retryNow(const QList<qint64>& ids) = 0;
    // Dispatch control (AdminClient::pause/resume/controlWorker), on the actions lane. An empty
    // `pipeline` is the whole namespace; `instruction` is "pause", "resume" or "drain".
    virtual QFuture<Result<void>> setPaused(const QString& pipeline, bool paused) = 0;
    virtual QFuture<Result<QStringList>> controlWorker(const QString& worker,
                                                       const QString& instruction) = 0;
    // Jobs per second of `pipeline`, all engines together; 0: no limit.
    virtual QFuture<Result<void>> setRateLimit(const QString& pipeline, double perSecond) = 0;
    // Pages through `ids` (in chunks) or, when empty, every job matching `filter` (keyset
    // pages), handing each page to `sink` off the GUI thread: exports write as they go instead
    // of holding a million rows. An error from `sink` stops the paging and is the result.
    using PageSink = std::function<Result<void>(const QList<JobRecord>& page)>;
    virtual QFuture<Result<void>> forEachJob(const QList<qint64>& ids, const JobQuery& filter,
                                             PageSink sink) = 0;

    virtual QFuture<Result<QueueStats>> stats() = 0;
    // Completed and failed jobs per minute over the last `minutes` minutes.
    virtual QFuture<Result<QList<MinuteCounts>>> finishedPerMinute(int minutes) = 0;

    // The login and the Pixelnest role it acts as: the status bar shows them and the console
    // disables what the role may not do (PostgreSQL refuses it anyway).
    virtual QFuture<Result<LoginIdentity>> identity() = 0;
    // The audit trail, newest first (the Audit tab).
    virtual QFuture<Result<QList<AuditEntry>>> audit(const AuditQuery& query) = 0;

    // The submission path of `pixelnest submit`, with this service's configured limits.
    virtual QFuture<SubmissionPlan> planSubmission(const QStringList& paths) = 0;
    virtual QFuture<Result<SubmissionReport>> submitBatch(const QList<SubmissionFile>& batch,
                                                          const SubmissionOptions& options) = 0;

Q_SIGNALS:
    // After each call: whether `service` (PostgreSQL or Redis) answered; `message` says why
    // not. A call that reaches PostgreSQL only says nothing about Redis.
    void availabilityChanged(pixelnest::Service service, bool available, const QString& message);
    // Live events: ids whose row changed, batched.
    void jobsChanged(const QList<qint64>& ids);
    // The live-event connection went down or came back; what changed meanwhile was not
    // announced, so a console reloads what it shows when this becomes true again.
    void liveEventsChanged(bool connected, const QString& message);
};

// The real implementation (lanes, live events) with `config`'s namespace and limits. Returns at
// once; connections are made on the lanes' threads once setConnection() names the servers.
std::unique_ptr<AdminService> createAdminService(const EngineConfig& config);

// The lanes' threads of destroyed services finish their last call on their own; this waits for
// them, at most `timeoutMs`: for the end of main() and of tests, never while a console runs.
void waitForAdminThreads(int timeoutMs);

} // namespace pixelnest
