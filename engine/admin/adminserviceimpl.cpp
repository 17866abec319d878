#include "admin/adminserviceimpl.h"

namespace pixelnest::engine
{

namespace
{

constexpr int kExportPage = 2000;

// The ids in chunks, or every job `filter` matches by keyset pages, each page to `sink`.
Result<void> pageThrough(AdminClient& client, const QList<qint64>& ids, JobQuery filter,
                         const AdminService::PageSink& sink)
{
    const auto deliver = [&sink](const Result<QList<JobRecord>>& rows) -> Result<void> {
        return rows ? sink(rows.value()) : Result<void>(rows.error());
    };
    if (!ids.isEmpty()) {
        for (qsizetype at = 0; at < ids.size(); at += kExportPage) {
            JobQuery chunk;
            chunk.ids = ids.mid(at, kExportPage);
            chunk.limit = int(chunk.ids.size());
            chunk.descending = false;
            if (Result<void> done = deliver(client.jobs(chunk)); !done) {
                return done;
            }
        }
        return {};
    }
    filter.limit = kExportPage;
    filter.after.reset();
    while (true) {
        const Result<QList<JobRecord>> rows = client.jobs(filter);
        if (Result<void> done = deliver(rows); !done) {
            return done;
        }
        if (rows->size() < kExportPage) {
            return {};
        }
        filter.after = cursorAfter(rows->constLast(), filter.sortBy);
    }
}

} // namespace

AdminServiceImpl::AdminServiceImpl(const EngineConfig& config) : m_config(config)
{
    m_browse = addLane(QStringLiteral("browse"), false);
    m_media = addLane(QStringLiteral("media"), false);
    m_actions = addLane(QStringLiteral("actions"), false);
    m_stats = addLane(QStringLiteral("stats"), true);
    m_upload = addLane(QStringLiteral("upload"), false);
}

AdminServiceImpl::~AdminServiceImpl() = default;

void AdminServiceImpl::setConnection(const ConnectionConfig& connections)
{
    for (AdminLane* lane : {m_browse, m_media, m_actions, m_stats, m_upload}) {
        lane->setConnection(connections, m_config);
    }
    m_listener = std::make_unique<JobEventListener>(connections.postgres);
    connect(m_listener.get(), &JobEventListener::jobsChanged, this, &AdminService::jobsChanged);
    connect(m_listener.get(), &JobEventListener::connectionChanged, this,
            &AdminService::liveEventsChanged);
    m_listener->start();
}

AdminLane* AdminServiceImpl::addLane(const QString& name, bool reachesRedis)
{
    auto* lane = new AdminLane(name, {}, m_config, this);
    connect(lane, &AdminLane::availabilityChanged, this,
            [this, reachesRedis](bool available, const Error& error) {
                if (available) {
                    // Every call reads PostgreSQL; only the stats lane's also need Redis
                    // (writes leave an unreachable Redis to the engines' reconciler).
                    Q_EMIT availabilityChanged(Service::PostgreSQL, true, {});
                    if (reachesRedis) {
                        Q_EMIT availabilityChanged(Service::Redis, true, {});
                    }
                    return;
                }
                const Service which =
                    error.service == Service::Redis ? Service::Redis : Service::PostgreSQL;
                Q_EMIT availabilityChanged(which, false, error.message);
            });
    return lane;
}

QFuture<Result<QList<JobRecord>>> AdminServiceImpl::jobs(const JobQuery& query)
{
    return m_browse->run<QList<JobRecord>>(
        [query](AdminClient& client) { return client.jobs(query); });
}

QFuture<Result<JobDetail>> AdminServiceImpl::job(qint64 id)
{
    return m_media->run<JobDetail>([id](AdminClient& client) { return client.job(id); });
}

QFuture<Result<QByteArray>> AdminServiceImpl::image(qint64 id, const QByteArray& kind)
{
    return m_media->run<QByteArray>(
        [id, kind](AdminClient& client) { return client.image(id, kind); });
}

QFuture<Result<BulkOutcome>> AdminServiceImpl::setPriority(const QList<qint64>& ids, int priority)
{
    return m_actions->run<BulkOutcome>(
        [ids, priority](AdminClient& client) { return client.setPriority(ids, priority); });
}

QFuture<Result<BulkOutcome>> AdminServiceImpl::reprocess(const QList<qint64>& ids)
{
    return m_actions->run<BulkOutcome>(
        [ids](AdminClient& client) { return client.reprocess(ids); });
}

QFuture<Result<BulkOutcome>> AdminServiceImpl::reprocessFailed()
{
    return m_actions->run<BulkOutcome>(
        [](AdminClient& client) { return client.reprocessFailed(); });
}

QFuture<Result<BulkOutcome>> AdminServiceImpl::cancel(const QList<qint64>& ids)
{
    return m_actions->run<BulkOutcome>([ids](AdminClient& client) { return client.cancel(ids); });
}

QFuture<Result<BulkOutcome>> AdminServiceImpl::retryNow(const QList<qint64>& ids)
{
    return m_actions->run<BulkOutcome>([ids](AdminClient& client) { return client.retryNow(ids); });
}

QFuture<Result<qint64>> AdminServiceImpl::countJobs(const JobQuery& query)
{
    return m_actions->run<qint64>([query](AdminClient& client) { return client.countJobs(query); });
}

QFuture<Result<FilterOutcome>> AdminServiceImpl::applyToMatching(const JobQuery& filter,
                                                                 FilterAction action, int priority)
{
    return m_actions->run<FilterOutcome>([filter, action, priority](AdminClient& client) {
        return client.applyToMatching(filter, action, priority);
    });
}

QFuture<Result<BulkOutcome>> AdminServiceImpl::deleteJobs(const QList<qint64>& ids)
{
    return m_actions->run<BulkOutcome>(
        [ids](AdminClient& client) { return client.deleteJobs(ids); });
}

QFuture<Result<void>> AdminServiceImpl::setPaused(const QString& pipeline, bool paused)
{
    return m_actions->run<void>([pipeline, paused](AdminClient& client) {
        return paused ? client.pause(pipeline) : client.resume(pipeline);
    });
}

QFuture<Result<void>> AdminServiceImpl::setRateLimit(const QString& pipeline, double perSecond)
{
    return m_actions->run<void>([pipeline, perSecond](AdminClient& client) {
        return client.setRateLimit(pipeline, perSecond);
    });
}

QFuture<Result<QStringList>> AdminServiceImpl::controlWorker(const QString& worker,
                                                             const QString& instruction)
{
    return m_actions->run<QStringList>([worker, instruction](AdminClient& client) {
        return client.controlWorker(worker, instruction);
    });
}

QFuture<Result<void>> AdminServiceImpl::forEachJob(const QList<qint64>& ids, const JobQuery& filter,
                                                   PageSink sink)
{
    return m_actions->run<void>([ids, filter, sink = std::move(sink)](AdminClient& client) {
        return pageThrough(client, ids, filter, sink);
    });
}

QFuture<Result<QueueStats>> AdminServiceImpl::stats()
{
    return m_stats->run<QueueStats>([](AdminClient& client) { return client.stats(); });
}

QFuture<Result<QList<MinuteCounts>>> AdminServiceImpl::finishedPerMinute(int minutes)
{
    return m_stats->run<QList<MinuteCounts>>(
        [minutes](AdminClient& client) { return client.finishedPerMinute(minutes); });
}

QFuture<Result<LoginIdentity>> AdminServiceImpl::identity()
{
    return m_browse->run<LoginIdentity>([](AdminClient& client) { return client.identity(); });
}

QFuture<Result<QList<AuditEntry>>> AdminServiceImpl::audit(const AuditQuery& query)
{
    return m_browse->run<QList<AuditEntry>>(
        [query](AdminClient& client) { return client.audit(query); });
}

QFuture<SubmissionPlan> AdminServiceImpl::planSubmission(const QStringList& paths)
{
    const ImageLimits limits = m_config.limits;
    return m_upload->runOffline<SubmissionPlan>(
        [paths, limits] { return pixelnest::planSubmission(paths, limits); });
}

QFuture<Result<SubmissionReport>> AdminServiceImpl::submitBatch(const QList<SubmissionFile>& batch,
                                                                const SubmissionOptions& options)
{
    const ImageLimits limits = m_config.limits;
    return m_upload->run<SubmissionReport>([batch, options, limits](AdminClient& client) {
        return pixelnest::submitBatch(client, batch, options, limits);
    });
}

} // namespace pixelnest::engine

namespace pixelnest
{

std::unique_ptr<AdminService> createAdminService(const EngineConfig& config)
{
    return std::make_unique<engine::AdminServiceImpl>(config);
}

void waitForAdminThreads(int timeoutMs)
{
    engine::AdminLane::waitForRetiredThreads(timeoutMs);
}

} // namespace pixelnest
