#include "cli/querycommands.h"

#include "cli/exitcodes.h"
#include "cli/jobfilters.h"
#include "cli/session.h"
#include "cli/table.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QThread>

#include <unistd.h>

namespace pixelnest::cli
{

namespace
{

QStringList jobRow(const JobRecord& job)
{
    return {QString::number(job.id),       job.displayStatus(),
            QString::number(job.priority), QString::number(job.attempts),
            elided(job.title, 32),         job.worker.isEmpty() ? QStringLiteral("-") : job.worker,
            shortTime(job.createdAt),      elided(job.error, 60)};
}

QString statsText(const QueueStats& stats)
{
    QString text;
    QTextStream out(&text);
    for (JobStatus status : allStatuses()) {
        out << statusName(status).leftJustified(12) << stats.counts.value(status) << '\n';
    }
    out << "in flight   " << stats.inFlight << "\nretrying    " << stats.retrying
        << "\n\nqueue depth by priority:\n";
    if (stats.queueDepth.isEmpty()) {
        out << "  (empty)\n";
    }
    for (auto it = stats.queueDepth.cend(); it != stats.queueDepth.cbegin();) {
        --it; // highest priority first, as the queue runs them
        out << "  " << QString::number(it.key()).rightJustified(6) << "  " << it.value() << '\n';
    }
    QList<QStringList> rows;
    for (const WorkerInfo& worker : stats.workers) {
        rows.append({worker.host, QString::number(worker.pid), worker.device,
                     QString::number(worker.inFlight), QString::number(worker.processed),
                     QString::number(worker.failed),
                     QStringLiteral("%1 s").arg(double(worker.lastSeenMsAgo) / 1000.0, 0, 'f', 1)});
    }
    out << "\nworkers:\n"
        << formatTable({QStringLiteral("HOST"), QStringLiteral("PID"), QStringLiteral("DEVICE"),
                        QStringLiteral("IN FLIGHT"), QStringLiteral("PROCESSED"),
                        QStringLiteral("FAILED"), QStringLiteral("LAST SEEN")},
                       rows);
    return text;
}

} // namespace

int runJobsCommand(const CommandLine& line)
{
    const Result<JobQuery> query = jobQueryFrom(line);
    if (!query) {
        return reportError(line, query.error());
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    const Result<QList<JobRecord>> jobs = client.value()->jobs(query.value());
    if (!jobs) {
        return reportError(line, jobs.error());
    }
    if (jobs->size() == query->limit) {
        // A full page: where the next one starts (stderr, so that --json stays one array).
        QTextStream(stderr) << "more: --after "
                            << encodeCursor(cursorAfter(jobs->last(), query->sortBy)) << '\n';
    }
    printList(
        jobs.value(), line.isSet(QStringLiteral("json")),
        [](const JobRecord& job) { return toJson(job); },
        {QStringLiteral("ID"), QStringLiteral("STATUS"), QStringLiteral("PRIORITY"),
         QStringLiteral("ATTEMPTS"), QStringLiteral("TITLE"), QStringLiteral("WORKER"),
         QStringLiteral("CREATED"), QStringLiteral("ERROR")},
        jobRow);
    return kExitOk;
}

int runShowCommand(const CommandLine& line)
{
    const Result<QList<qint64>> ids = jobIds(line.arguments);
    if (!ids || ids->size() != 1) {
        return reportError(line, ids ? makeError(ErrorCode::InvalidInput,
                                                 QStringLiteral("give exactly one job id"))
                                     : ids.error());
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    const Result<JobDetail> detail = client.value()->job(ids->first());
    if (!detail) {
        return reportError(line, detail.error());
    }
    if (line.isSet(QStringLiteral("export-anonymised"))) {
        const Result<QByteArray> bytes = client.value()->image(ids->first(), "anonymised");
        if (!bytes || bytes->isEmpty()) {
            return reportError(line, bytes ? makeError(ErrorCode::NotFound,
                                                       QStringLiteral("image %1 has no anonymised "
                                                                      "copy (not processed by the "
                                                                      "default pipeline yet)")
                                                           .arg(ids->first()))
                                           : bytes.error());
        }
        QFile file(line.value(QStringLiteral("export-anonymised")));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes->size()) {
            return reportError(line, makeError(ErrorCode::InvalidInput,
                                               QStringLiteral("cannot write %1: %2")
                                                   .arg(file.fileName(), file.errorString())));
        }
    }
    if (line.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(toJson(detail.value())));
        return kExitOk;
    }
    const JobRecord& job = detail->job;
    QTextStream out(stdout);
    out << "id:        " << job.id << "\ntitle:     " << job.title
        << "\nstatus:    " << job.displayStatus() << "\npriority:  " << job.priority
        << "\npipeline:  " << job.pipeline << "\nattempts:  " << job.attempts
        << "\nimage:     " << job.format << ' ' << job.width << "x" << job.height << ", "
        << job.byteSize << " bytes"
        << "\ncreated:   " << shortTime(job.createdAt)
        << "\nfinished:  " << shortTime(job.finishedAt) << '\n';
    if (job.notBefore.isValid()) {
        out << "not before: " << shortTime(job.notBefore) << '\n';
    }
    if (job.expiresAt.isValid()) {
        out << "expires:   " << shortTime(job.expiresAt) << '\n';
    }
    if (!job.error.isEmpty()) {
        out << "error:     " << job.error << '\n';
    }
    if (!job.result.isEmpty()) {
        out << "result:\n" << QJsonDocument(job.result).toJson(QJsonDocument::Indented);
    }
    QList<QStringList> rows;
    for (const AttemptRecord& attempt : detail->history) {
        rows.append({QString::number(attempt.attempt), attempt.worker, shortTime(attempt.startedAt),
                     shortTime(attempt.finishedAt),
                     attempt.outcome.isEmpty() ? QStringLiteral("running") : attempt.outcome,
                     elided(attempt.error, 60)});
    }
    out << "history:\n"
        << formatTable({QStringLiteral("ATTEMPT"), QStringLiteral("WORKER"),
                        QStringLiteral("STARTED"), QStringLiteral("FINISHED"),
                        QStringLiteral("OUTCOME"), QStringLiteral("ERROR")},
                       rows);
    return kExitOk;
}

int runStatsCommand(const CommandLine& line)
{
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    const bool watch = line.isSet(QStringLiteral("watch"));
    const bool clear = watch && ::isatty(STDOUT_FILENO) == 1;
    for (;;) {
        const Result<QueueStats> stats = client.value()->stats();
        if (!stats) {
            return reportError(line, stats.error());
        }
        QTextStream out(stdout);
        if (clear) {
            out << "\x1b[H\x1b[2J"; // home + clear: a dashboard in the terminal
        }
        if (line.isSet(QStringLiteral("json"))) {
            out << QJsonDocument(toJson(stats.value())).toJson(QJsonDocument::Compact) << '\n';
        } else {
            out << statsText(stats.value());
        }
        out.flush();
        if (!watch) {
            return kExitOk;
        }
        QThread::sleep(1);
    }
}

} // namespace pixelnest::cli
