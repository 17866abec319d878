// Why this file is long: it is the one client of both servers for every admin operation
// (submit, changes, dispatch control, purge, stats); each method pairs a PostgreSQL change with
// its Redis side, sharing the connections and helpers of Impl.
#include "pixelnest/adminclient.h"

#include "pixelnest/logging.h"
#include "queue/jobqueue.h"
#include "service/heartbeat.h"
#include "store/adminstore.h"
#include "store/auditstore.h"

#include <QDateTime>
#include <QJsonArray>

namespace pixelnest
{

using namespace engine;

namespace
{

// Stale heartbeats are kept for the console (shown in red) and dropped after an hour.
constexpr qint64 kForgetWorkerAfterMs = 3600'000;

BulkOutcome classify(const QList<qint64>& requested, const QList<qint64>& changed,
                     const QList<qint64>& existing)
{
    BulkOutcome outcome;
    outcome.changed = changed;
    for (qint64 id : requested) {
        if (!existing.contains(id)) {
            outcome.missing.append(id);
        } else if (!changed.contains(id)) {
            outcome.unchanged.append(id);
        }
    }
    return outcome;
}

QList<qint64> idsOf(const QList<QueuedJob>& jobs)
{
    QList<qint64> ids;
    for (const QueuedJob& job : jobs) {
        ids.append(job.id);
    }
    return ids;
}

} // namespace

struct AdminClient::Impl
{
    Impl(RedisUrl url, const EngineConfig& config)
        : redis(std::move(url)), queue(redis, config.service.ns, config.service.queueShards),
          store(db), auditStore(db), limits(config.limits)
    {
    }

    PgConnection db;
    RedisClient redis;
    JobQueue queue;
    AdminStore store;
    AuditStore auditStore;
    ImageLimits limits;

    // Redis is only dispatch: when it is down the PostgreSQL change stands and the reconciler
    // queues the jobs once it is back.
    void enqueueOrLeaveToReconciler(const QList<QueuedJob>& jobs)
    {
        if (Result<int> queued = queue.enqueue(jobs); !queued) {
            qCWarning(lcQueue).noquote() << "queued in PostgreSQL only; the reconciler will "
                                            "dispatch them:"
                                         << queued.error().message;
        }
    }

    // Every engine with a heartbeat snapshot, alive or not (by its key's PTTL); snapshots an
    // hour stale are forgotten.
    Result<QList<WorkerInfo>> knownWorkers()
    {
        const Result<QList<QByteArray>> beats = queue.heartbeats();
        if (!beats) {
            return beats.error();
        }
        QList<QByteArray> ids;
        for (const QByteArray& beat : beats.value()) {
            ids.append(workerFromHeartbeat(beat, 0, 0).id.toUtf8());
        }
        const Result<QList<qint64>> ttls = queue.heartbeatTtls(ids);
        if (!ttls) {
            return ttls.error();
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<WorkerInfo> workers;
        for (qsizetype i = 0; i < beats->size(); ++i) {
            WorkerInfo worker = workerFromHeartbeat(beats->at(i), ttls->at(i), now);
            if (worker.lastSeenMsAgo > kForgetWorkerAfterMs) {
                (void)queue.forgetWorker(worker.id.toUtf8());
                continue;
            }
            workers.append(worker);
        }
        return workers;
    }

    Result<BulkOutcome> requeued(const QList<qint64>& requested, Result<QList<QueuedJob>> jobs)
    {
        if (!jobs) {
            return jobs.error();
        }
        enqueueOrLeaveToReconciler(jobs.value());
        const Result<QList<qint64>> existing = store.existing(requested);
        if (!existing) {
            return existing.error();
        }
        return classify(requested, idsOf(jobs.value()), existing.value());
    }
};

AdminClient::AdminClient(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

AdminClient::~AdminClient() = default;

Result<std::unique_ptr<AdminClient>> AdminClient::connect(const ConnectionConfig& connections,
                                                          const EngineConfig& config,
                                                          const SessionSettings& session)
{
    Result<RedisUrl> url = RedisUrl::parse(connections.redis);
    if (!url) {
        return url.error();
    }
    auto impl = std::make_unique<Impl>(url.value(), config);
    for (const auto& [name, value] : session) {
        impl->db.setSessionSetting(name, value);
    }
    if (Result<void> opened = impl->db.open(connections.postgres); !opened) {
        return opened.error();
    }
    if (Result<void> connected = impl->redis.connect(); !connected) {
        return connected.error();
    }
    return std::unique_ptr<AdminClient>(new AdminClient(std::move(impl)));
}

Result<SubmitReport> AdminClient::submit(const QList<ImageUpload>& uploads)
{
    SubmitReport report;
    QList<ImageUpload> valid;
    QList<ImageFacts> facts;
    for (int i = 0; i < uploads.size(); ++i) {
        const ImageUpload& upload = uploads[i];
        if (Result<void> priority = checkPriority(upload.priority); !priority) {
            report.rejected.append({i, priority.error()});
            continue;
        }
        Result<ImageFacts> inspected = inspectImage(upload.bytes, upload.title, m_impl->limits);
        if (!inspected) {
            report.rejected.append({i, inspected.error()});
            continue;
        }
        valid.append(upload);
        facts.append(inspected.value());
        report.accepted.append(i);
    }
    const Result<QList<qint64>> ids = m_impl->store.insertImages(valid, facts);
    if (!ids) {
        return ids.error();
    }
    report.ids = ids.value();
    QList<QueuedJob> jobs;
    for (qsizetype i = 0; i < valid.size(); ++i) {
        jobs.append({report.ids[i], valid[i].priority, valid[i].pipeline.toUtf8(),
                     valid[i].notBefore.isValid() ? valid[i].notBefore.toMSecsSinceEpoch() : 0});
    }
    m_impl->enqueueOrLeaveToReconciler(jobs);
    return report;
}

Result<QList<JobRecord>> AdminClient::jobs(const JobQuery& query)
{
    return m_impl->store.list(query);
}

Result<qint64> AdminClient::countJobs(const JobQuery& query)
{
    return m_impl->store.countMatching(query);
}

Result<FilterOutcome>
AdminClient::applyToMatching(const JobQuery& filter, FilterAction action, int priority,
                             const std::function<void(const FilterOutcome&)>& progress)
{
    JobQuery page = filter;
    page.sortBy = JobSortKey::Id; // ids never change: the cursor survives the changes
    page.descending = false;
    page.after.reset();
    page.limit = 500;
    FilterOutcome outcome;
    for (;;) {
        const Result<QList<JobRecord>> rows = m_impl->store.list(page);
        if (!rows) {
            return rows.error();
        }
        if (rows->isEmpty()) {
            return outcome;
        }
        QList<qint64> ids;
        for (const JobRecord& row : rows.value()) {
            ids.append(row.id);
        }
        const Result<BulkOutcome> done = action == FilterAction::SetPriority
                                             ? setPriority(ids, priority)
                                         : action == FilterAction::Cancel ? cancel(ids)
                                                                          : reprocess(ids);
        if (!done) {
            return done.error();
        }
        outcome.matched += ids.size();
        outcome.changed += done->changed.size();
        if (progress) {
            progress(outcome);
        }
        if (rows->size() < page.limit) {
            return outcome;
        }
        page.after = JobCursor{QString::number(ids.last()), ids.last()};
    }
}

Result<JobDetail> AdminClient::job(qint64 id)
{
    return m_impl->store.detail(id);
}

Result<QByteArray> AdminClient::image(qint64 id, const QByteArray& kind)
{
    return m_impl->store.imageBytes(id, kind);
}

Result<BulkOutcome> AdminClient::setPriority(const QList<qint64>& ids, int priority)
{
    if (Result<void> valid = checkPriority(priority); !valid) {
        return valid.error();
    }
    const Result<QList<qint64>> changed = m_impl->store.setPriority(ids, priority);
    if (!changed) {
        return changed.error();
    }
    if (Result<int> moved = m_impl->queue.reprioritize(changed.value(), priority); !moved) {
        // The stored priority applies when the reconciler re-queues; log the Redis outage.
        qCWarning(lcQueue).noquote()
            << "priority stored; queue not re-ordered:" << moved.error().message;
    }
    return classify(ids, changed.value(), changed.value());
}

Result<BulkOutcome> AdminClient::reprocess(const QList<qint64>& ids)
{
    return m_impl->requeued(ids, m_impl->store.reprocess(ids));
}

Result<BulkOutcome> AdminClient::reprocessFailed()
{
    Result<QList<QueuedJob>> jobs = m_impl->store.reprocessFailed();
    if (!jobs) {
        return jobs.error();
    }
    m_impl->enqueueOrLeaveToReconciler(jobs.value());
    BulkOutcome outcome;
    outcome.changed = idsOf(jobs.value());
    return outcome;
}

Result<BulkOutcome> AdminClient::cancel(const QList<qint64>& ids)
{
    const Result<QList<qint64>> cancelled = m_impl->store.cancel(ids);
    if (!cancelled) {
        return cancelled.error();
    }
    if (Result<int> removed = m_impl->queue.remove(cancelled.value()); !removed) {
        // An engine that claims one later finds the row cancelled and drops it.
        qCWarning(lcQueue).noquote()
            << "cancelled in PostgreSQL; queue not updated:" << removed.error().message;
    }
    const Result<QList<qint64>> existing = m_impl->store.existing(ids);
    if (!existing) {
        return existing.error();
    }
    return classify(ids, cancelled.value(), existing.value());
}

Result<QList<MinuteCounts>> AdminClient::finishedPerMinute(int minutes)
{
    return m_impl->store.finishedPerMinute(minutes);
}

Result<PurgeReport> AdminClient::purge(const PurgeFilter& filter,
                                       const std::function<void(const PurgeReport&)>& progress)
{
    constexpr int kPage = 500; // one short transaction: milliseconds of locks, not minutes
    const Result<PurgeReport> preview = m_impl->store.purgePreview(filter);
    if (!preview) {
        return preview;
    }
    PurgeReport total{preview->matched, 0, 0};
    for (;;) {
        const Result<PurgeReport> page = m_impl->store.purgePage(filter, kPage);
        if (!page) {
            return page.error();
        }
        total.deleted += page->deleted;
        total.bytes += page->bytes;
        if (progress) {
            progress(total);
        }
        if (page->deleted < kPage) {
            return total;
        }
    }
}

Result<PurgeReport> AdminClient::purgePreview(const PurgeFilter& filter)
{
    return m_impl->store.purgePreview(filter);
}

Result<BulkOutcome> AdminClient::deleteJobs(const QList<qint64>& ids)
{
    const Result<QList<qint64>> deleted = m_impl->store.deleteJobs(ids);
    if (!deleted) {
        return deleted.error();
    }
    if (Result<int> removed = m_impl->queue.remove(deleted.value()); !removed) {
        // An engine that claims one later finds no row and drops it.
        qCWarning(lcQueue).noquote()
            << "deleted in PostgreSQL; queue not updated:" << removed.error().message;
    }
    return classify(ids, deleted.value(), deleted.value());
}

Result<std::optional<RetentionPolicy>> AdminClient::retention()
{
    return m_impl->store.retention();
}

Result<void> AdminClient::setRetention(const std::optional<PurgeFilter>& policy)
{
    return m_impl->store.setRetention(policy);
}

Result<BulkOutcome> AdminClient::retryNow(const QList<qint64>& ids)
{
    const Result<QList<qint64>> changed = m_impl->store.retryNow(ids);
    if (!changed) {
        return changed.error();
    }
    if (Result<int> moved = m_impl->queue.promote(changed.value()); !moved) {
        // not_before is cleared: the job runs when its backoff ends in Redis anyway.
        qCWarning(lcQueue).noquote()
            << "retry now stored; queue not updated:" << moved.error().message;
    }
    const Result<QList<qint64>> existing = m_impl->store.existing(ids);
    if (!existing) {
        return existing.error();
    }
    return classify(ids, changed.value(), existing.value());
}

Result<void> AdminClient::pause(const QString& pipeline)
{
    const QString target = pipeline.isEmpty() ? QStringLiteral("*") : pipeline;
    if (Result<void> recorded = m_impl->store.recordControl(QStringLiteral("pause"),
                                                            {{QStringLiteral("pipeline"), target}});
        !recorded) {
        return recorded;
    }
    return m_impl->queue.setPaused(target.toUtf8(), true);
}

Result<void> AdminClient::resume(const QString& pipeline)
{
    const QString target = pipeline.isEmpty() ? QStringLiteral("*") : pipeline;
    if (Result<void> recorded = m_impl->store.recordControl(QStringLiteral("resume"),
                                                            {{QStringLiteral("pipeline"), target}});
        !recorded) {
        return recorded;
    }
    return m_impl->queue.setPaused(target.toUtf8(), false);
}

Result<void> AdminClient::setRateLimit(const QString& pipeline, double perSecond)
{
    if (Result<void> recorded = m_impl->store.recordControl(
            QStringLiteral("limit"),
            {{QStringLiteral("pipeline"), pipeline},
             {QStringLiteral("per_second"), perSecond > 0 ? QJsonValue(perSecond) : QJsonValue()}});
        !recorded) {
        return recorded;
    }
    return m_impl->queue.setRateLimit(pipeline.toUtf8(), perSecond);
}

Result<QStringList> AdminClient::controlWorker(const QString& worker, const QString& instruction)
{
    const Result<QList<WorkerInfo>> live = workers();
    if (!live) {
        return live.error();
    }
    QStringList told;
    for (const WorkerInfo& engine : live.value()) {
        // By id (host:pid:nonce) or by the worker name rows carry (host:pid).
        if (engine.id == worker || engine.id.startsWith(worker + QLatin1Char(':'))) {
            told.append(engine.id);
        }
    }
    if (told.isEmpty()) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no live engine is named %1 (`pixelnest workers` lists "
                                        "them)")
                             .arg(worker));
    }
    if (Result<void> recorded = m_impl->store.recordControl(
            instruction, {{QStringLiteral("worker"), QJsonArray::fromStringList(told)}});
        !recorded) {
        return recorded.error();
    }
    const QByteArray word =
        instruction == QLatin1String("resume") ? QByteArray() : instruction.toUtf8();
    for (const QString& id : told) {
        if (Result<void> set = m_impl->queue.setControl(id.toUtf8(), word); !set) {
            return set.error();
        }
    }
    return told;
}

Result<QList<WorkerInfo>> AdminClient::workers()
{
    // Heartbeats only: no counts from PostgreSQL, no queue figures.
    const Result<QList<WorkerInfo>> all = m_impl->knownWorkers();
    if (!all) {
        return all.error();
    }
    QList<WorkerInfo> live;
    for (const WorkerInfo& worker : all.value()) {
        if (worker.alive) {
            live.append(worker);
        }
    }
    return live;
}

Result<QueueStats> AdminClient::stats()
{
    QueueStats stats;
    const Result<QMap<JobStatus, qint64>> counts = m_impl->store.countByStatus();
    if (!counts) {
        return counts.error();
    }
    stats.counts = counts.value();
    Result<QMap<int, qint64>> depth = m_impl->queue.depthByPriority();
    Result<qint64> inFlight = m_impl->queue.inFlightCount();
    Result<qint64> retrying = m_impl->queue.retryingCount();
    Result<QList<WorkerInfo>> workers = m_impl->knownWorkers();
    Result<QList<QByteArray>> paused = m_impl->queue.pausedPipelines();
    Result<QMap<QString, qint64>> ready = m_impl->queue.readyByPipeline();
    Result<QMap<QString, double>> limits = m_impl->queue.rateLimits();
    for (const Error* error :
         {depth ? nullptr : &depth.error(), inFlight ? nullptr : &inFlight.error(),
          workers ? nullptr : &workers.error(), paused ? nullptr : &paused.error(),
          ready ? nullptr : &ready.error(), limits ? nullptr : &limits.error()}) {
        if (error != nullptr) {
            return *error;
        }
    }
    stats.queueDepth = depth.value();
    stats.inFlight = inFlight.value();
    stats.retrying = retrying ? retrying.value() : 0;
    for (const QByteArray& name : paused.value()) {
        stats.paused.append(QString::fromUtf8(name));
    }
    stats.readyByPipeline = ready.value();
    stats.rateLimits = limits.value();
    stats.workers = workers.value();
    return stats;
}

Result<LoginIdentity> AdminClient::identity()
{
    return m_impl->store.identity();
}

Result<QList<AuditEntry>> AdminClient::audit(const AuditQuery& query)
{
    return m_impl->auditStore.list(query);
}

} // namespace pixelnest
