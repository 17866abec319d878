#include "fakeadminservice.h"

#include <QFileInfo>
#include <QPromise>
#include <QTimer>

#include <algorithm>

namespace pixelnest::test
{

FakeAdminService::FakeAdminService(QObject* parent) : AdminService(parent) {}

QList<qint64> FakeAdminService::addJobs(int count, JobStatus status, int priority)
{
    QList<qint64> ids;
    qint64 next = rows.isEmpty() ? 1 : rows.constLast().id + 1;
    for (int i = 0; i < count; ++i, ++next) {
        JobRecord job;
        job.id = next;
        job.title = QStringLiteral("job %1").arg(next);
        job.status = status;
        job.priority = priority;
        job.pipeline = QStringLiteral("default");
        job.createdAt = QDateTime::currentDateTimeUtc();
        rows.append(job);
        ids.append(next);
    }
    return ids;
}

JobRecord* FakeAdminService::find(qint64 id)
{
    for (JobRecord& job : rows) {
        if (job.id == id) {
            return &job;
        }
    }
    return nullptr;
}

void FakeAdminService::setOutage(std::optional<Service> service, const QString& message)
{
    m_outage = service;
    m_outageMessage = message;
}

void FakeAdminService::setConnection(const ConnectionConfig& connections)
{
    connection = connections;
    calls.append(QStringLiteral("setConnection"));
}

template <typename T> QFuture<T> FakeAdminService::later(T value)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QTimer::singleShot(0, this, [promise, value = std::move(value)]() mutable {
        promise->addResult(std::move(value));
        promise->finish();
    });
    return future;
}

template <typename T>
QFuture<Result<T>> FakeAdminService::answer(const QString& call, std::function<Result<T>()> work)
{
    calls.append(call);
    if (m_outage) {
        const Error error = makeError(*m_outage, ErrorCode::Unavailable, m_outageMessage);
        QTimer::singleShot(0, this, [this, error] {
            Q_EMIT availabilityChanged(error.service, false, error.message);
        });
        return later(Result<T>(error));
    }
    Result<T> result = work();
    QTimer::singleShot(0, this, [this, call] {
        Q_EMIT availabilityChanged(Service::PostgreSQL, true, {});
        if (call == QLatin1String("stats")) {
            Q_EMIT availabilityChanged(Service::Redis, true, {});
        }
    });
    return later(std::move(result));
}

QList<JobRecord> FakeAdminService::matching(const JobQuery& query) const
{
    QList<JobRecord> found;
    for (const JobRecord& job : rows) {
        if ((query.status && job.status != *query.status) ||
            (!query.titleContains.isEmpty() &&
             !job.title.contains(query.titleContains, Qt::CaseInsensitive)) ||
            (!query.ids.isEmpty() && !query.ids.contains(job.id)) ||
            (!query.pipeline.isEmpty() && job.pipeline != query.pipeline) ||
            (query.minPriority && job.priority < *query.minPriority) ||
            (query.maxPriority && job.priority > *query.maxPriority)) {
            continue;
        }
        found.append(job);
    }
    // The orders the tests use: by id, or by priority then id (keyset as the store does).
    const bool byPriority = query.sortBy == JobSortKey::Priority;
    const auto key = [byPriority](const JobRecord& job) {
        return std::make_pair(byPriority ? qint64(job.priority) : job.id, job.id);
    };
    std::sort(found.begin(), found.end(), [&](const JobRecord& a, const JobRecord& b) {
        return query.descending ? key(b) < key(a) : key(a) < key(b);
    });
    if (query.after) {
        const auto cursor = std::make_pair(query.after->key.toLongLong(), query.after->id);
        found.erase(std::remove_if(found.begin(), found.end(),
                                   [&](const JobRecord& job) {
                                       return query.descending ? !(key(job) < cursor)
                                                               : !(cursor < key(job));
                                   }),
                    found.end());
    } else if (query.beforeId > 0) {
        found.erase(std::remove_if(found.begin(), found.end(),
                                   [&](const JobRecord& job) { return job.id >= query.beforeId; }),
                    found.end());
    }
    return found.mid(query.offset, query.limit);
}

BulkOutcome FakeAdminService::change(const QList<qint64>& ids,
                                     const std::function<bool(JobRecord&)>& apply)
{
    BulkOutcome outcome;
    for (qint64 id : ids) {
        JobRecord* job = find(id);
        if (job == nullptr) {
            outcome.missing.append(id);
        } else if (apply(*job)) {
            outcome.changed.append(id);
        } else {
            outcome.unchanged.append(id);
        }
    }
    return outcome;
}

QFuture<Result<QList<JobRecord>>> FakeAdminService::jobs(const JobQuery& query)
{
    return answer<QList<JobRecord>>(QStringLiteral("jobs"),
                                    [this, query] { return matching(query); });
}

QFuture<Result<JobDetail>> FakeAdminService::job(qint64 id)
{
    return answer<JobDetail>(QStringLiteral("job"), [this, id]() -> Result<JobDetail> {
        const JobRecord* found = find(id);
        if (found == nullptr) {
            return makeError(ErrorCode::NotFound, QStringLiteral("no job %1").arg(id));
        }
        return JobDetail{*found, {}};
    });
}

QFuture<Result<QByteArray>> FakeAdminService::image(qint64 id, const QByteArray& kind)
{
    return answer<QByteArray>(QStringLiteral("image"), [this, id, kind] {
        return kind == "thumbnail" ? thumbnails.value(id) : QByteArray();
    });
}

QFuture<Result<BulkOutcome>> FakeAdminService::setPriority(const QList<qint64>& ids, int priority)
{
    return answer<BulkOutcome>(QStringLiteral("setPriority"),
                               [this, ids, priority]() -> Result<BulkOutcome> {
                                   if (Result<void> valid = checkPriority(priority); !valid) {
                                       return valid.error();
                                   }
                                   return change(ids, [priority](JobRecord& job) {
                                       job.priority = priority;
                                       return true;
                                   });
                               });
}

QFuture<Result<BulkOutcome>> FakeAdminService::reprocess(const QList<qint64>& ids)
{
    return answer<BulkOutcome>(QStringLiteral("reprocess"), [this, ids] {
        return change(ids, [](JobRecord& job) {
            if (job.status == JobStatus::Queued || job.status == JobStatus::Processing) {
                return false;
            }
            job.status = JobStatus::Queued;
            return true;
        });
    });
}

QFuture<Result<BulkOutcome>> FakeAdminService::reprocessFailed()
{
    QList<qint64> failed;
    for (const JobRecord& job : std::as_const(rows)) {
        if (job.status == JobStatus::Failed) {
            failed.append(job.id);
        }
    }
    return answer<BulkOutcome>(QStringLiteral("reprocessFailed"), [this, failed] {
        return change(failed, [](JobRecord& job) {
            job.status = JobStatus::Queued;
            return true;
        });
    });
}

QFuture<Result<BulkOutcome>> FakeAdminService::cancel(const QList<qint64>& ids)
{
    return answer<BulkOutcome>(QStringLiteral("cancel"), [this, ids] {
        return change(ids, [](JobRecord& job) {
            if (job.status != JobStatus::Queued && job.status != JobStatus::Processing) {
                return false;
            }
            job.status = JobStatus::Cancelled;
            return true;
        });
    });
}

QFuture<Result<BulkOutcome>> FakeAdminService::retryNow(const QList<qint64>& ids)
{
    return answer<BulkOutcome>(QStringLiteral("retryNow"), [this, ids] {
        return change(ids, [](JobRecord& job) {
            return job.status == JobStatus::Queued && job.attempts > 0;
        });
    });
}

QFuture<Result<qint64>> FakeAdminService::countJobs(const JobQuery& query)
{
    return answer<qint64>(QStringLiteral("countJobs"), [this, query] {
        JobQuery all = query;
        all.limit = int(rows.size()) + 1;
        all.after.reset();
        return qint64(matching(all).size());
    });
}

QFuture<Result<FilterOutcome>> FakeAdminService::applyToMatching(const JobQuery& filter,
                                                                 FilterAction action, int priority)
{
    return answer<FilterOutcome>(
        QStringLiteral("applyToMatching"), [this, filter, action, priority] {
            JobQuery all = filter;
            all.limit = int(rows.size()) + 1;
            all.after.reset();
            FilterOutcome outcome;
            for (const JobRecord& match : matching(all)) {
                ++outcome.matched;
                JobRecord* job = find(match.id);
                const bool finished = job->status == JobStatus::Completed ||
                                      job->status == JobStatus::Failed ||
                                      job->status == JobStatus::Cancelled;
                if (action == FilterAction::SetPriority) {
                    job->priority = priority;
                } else if (action == FilterAction::Cancel && !finished) {
                    job->status = JobStatus::Cancelled;
                } else if (action == FilterAction::Reprocess && finished) {
                    job->status = JobStatus::Queued;
                } else {
                    continue;
                }
                ++outcome.changed;
            }
            return outcome;
        });
}

QFuture<Result<BulkOutcome>> FakeAdminService::deleteJobs(const QList<qint64>& ids)
{
    return answer<BulkOutcome>(QStringLiteral("deleteJobs"), [this, ids] {
        BulkOutcome outcome;
        for (qint64 id : ids) {
            const qsizetype before = rows.size();
            rows.removeIf([id](const JobRecord& job) { return job.id == id; });
            (rows.size() < before ? outcome.changed : outcome.missing).append(id);
        }
        return outcome;
    });
}

QFuture<Result<void>> FakeAdminService::setPaused(const QString& pipeline, bool pause)
{
    return answer<void>(
        pause ? QStringLiteral("pause") : QStringLiteral("resume"),
        [this, pipeline, pause]() -> Result<void> {
            const QString target = pipeline.isEmpty() ? QStringLiteral("*") : pipeline;
            if (pause && !paused.contains(target)) {
                paused.append(target);
            } else if (!pause) {
                target == QLatin1String("*") ? paused.clear() : (void)paused.removeAll(target);
            }
            return {};
        });
}

QFuture<Result<void>> FakeAdminService::setRateLimit(const QString& pipeline, double perSecond)
{
    return answer<void>(QStringLiteral("limit ") + pipeline,
                        [this, pipeline, perSecond]() -> Result<void> {
                            if (perSecond > 0) {
                                rateLimits.insert(pipeline, perSecond);
                            } else {
                                rateLimits.remove(pipeline);
                            }
                            return {};
                        });
}

QFuture<Result<QStringList>> FakeAdminService::controlWorker(const QString& worker,
                                                             const QString& instruction)
{
    return answer<QStringList>(
        instruction + QLatin1Char(' ') + worker, [this, worker]() -> Result<QStringList> {
            for (const WorkerInfo& known : std::as_const(workers)) {
                if (known.id == worker) {
                    return QStringList{worker};
                }
            }
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("no live engine is named %1").arg(worker));
        });
}

QFuture<Result<void>> FakeAdminService::forEachJob(const QList<qint64>& ids, const JobQuery& filter,
                                                   PageSink sink)
{
    return answer<void>(QStringLiteral("forEachJob"), [this, ids, filter, sink] {
        JobQuery query = filter;
        query.ids = ids;
        query.limit = int(rows.size());
        query.after.reset();
        return sink(matching(query));
    });
}

QFuture<Result<QueueStats>> FakeAdminService::stats()
{
    return answer<QueueStats>(QStringLiteral("stats"), [this] {
        QueueStats stats;
        for (const JobRecord& job : std::as_const(rows)) {
            stats.counts[job.status] += 1;
            if (job.status == JobStatus::Queued) {
                stats.queueDepth[job.priority] += 1;
            }
        }
        stats.workers = workers;
        stats.paused = paused;
        stats.readyByPipeline = readyByPipeline;
        stats.rateLimits = rateLimits;
        return stats;
    });
}

QFuture<Result<QList<MinuteCounts>>> FakeAdminService::finishedPerMinute(int minutes)
{
    return answer<QList<MinuteCounts>>(QStringLiteral("finishedPerMinute %1").arg(minutes),
                                       [minutes] { return QList<MinuteCounts>(minutes); });
}

QFuture<Result<LoginIdentity>> FakeAdminService::identity()
{
    return answer<LoginIdentity>(QStringLiteral("identity"), [this] { return who; });
}

QFuture<Result<QList<AuditEntry>>> FakeAdminService::audit(const AuditQuery& query)
{
    return answer<QList<AuditEntry>>(QStringLiteral("audit"), [this, query] {
        QList<AuditEntry> page;
        for (const AuditEntry& entry : std::as_const(auditTrail)) {
            const bool wanted = (query.beforeId <= 0 || entry.id < query.beforeId) &&
                                (query.login.isEmpty() || entry.login == query.login) &&
                                (query.action.isEmpty() || entry.action == query.action) &&
                                (!query.since || entry.at >= *query.since);
            if (wanted && page.size() < query.limit) {
                page.append(entry);
            }
        }
        return page;
    });
}

QFuture<SubmissionPlan> FakeAdminService::planSubmission(const QStringList& paths)
{
    calls.append(QStringLiteral("planSubmission"));
    SubmissionPlan plan;
    for (const QString& path : paths) {
        if (path.contains(QLatin1String("missing"))) {
            plan.rejected.append({path, makeError(Service::Input, ErrorCode::InvalidInput,
                                                  QStringLiteral("not found"))});
        } else {
            plan.files.append({path, 1000});
            plan.bytes += 1000;
        }
    }
    return later(plan);
}

QFuture<Result<SubmissionReport>> FakeAdminService::submitBatch(const QList<SubmissionFile>& batch,
                                                                const SubmissionOptions& options)
{
    return answer<SubmissionReport>(
        QStringLiteral("submitBatch"), [this, batch, options]() -> Result<SubmissionReport> {
            if (Result<void> valid = checkPriority(options.priority); !valid) {
                return valid.error();
            }
            SubmissionReport report;
            for (const SubmissionFile& file : batch) {
                if (file.path.contains(QLatin1String("bad"))) {
                    report.rejected.append(
                        {file.path, makeError(Service::Input, ErrorCode::InvalidInput,
                                              QStringLiteral("not an image"))});
                    continue;
                }
                const qint64 id = addJobs(1, JobStatus::Queued, options.priority).first();
                find(id)->title =
                    options.title.isEmpty() ? QFileInfo(file.path).fileName() : options.title;
                report.accepted.append({id, file.path});
            }
            return report;
        });
}

} // namespace pixelnest::test
