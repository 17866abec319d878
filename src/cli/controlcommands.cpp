#include "cli/controlcommands.h"

#include "cli/exitcodes.h"
#include "cli/session.h"
#include "cli/table.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace pixelnest::cli
{

namespace
{

QString mebibytes(const QJsonValue& bytes)
{
    return bytes.isDouble() ? QStringLiteral("%1 MiB").arg(qRound64(bytes.toDouble() / 1048576.0))
                            : QStringLiteral("-");
}

QStringList workerRow(const WorkerInfo& worker)
{
    const QJsonObject& beat = worker.raw;
    const QJsonValue gpuUsed = beat.value(QStringLiteral("gpu_memory_used_bytes"));
    const QJsonValue gpuTotal = beat.value(QStringLiteral("gpu_memory_total_bytes"));
    return {
        worker.id,
        worker.device,
        worker.state,
        QString::number(beat.value(QStringLiteral("load")).toDouble(), 'f', 2),
        mebibytes(beat.value(QStringLiteral("rss_bytes"))),
        QStringLiteral("%1 %").arg(beat.value(QStringLiteral("cpu_percent")).toDouble(), 0, 'f', 0),
        gpuUsed.isDouble() ? mebibytes(gpuUsed) + QLatin1Char('/') + mebibytes(gpuTotal)
                           : QStringLiteral("-"),
        QString::number(worker.inFlight),
        QString::number(worker.processed),
        QString::number(worker.failed),
        QStringLiteral("%1 s").arg(beat.value(QStringLiteral("uptime_s")).toInteger()),
        worker.pipelines.join(QLatin1Char(',')),
        QStringLiteral("%1 s").arg(double(worker.lastSeenMsAgo) / 1000.0, 0, 'f', 1)};
}

// DESIGN.md's shape for a mutating command, with what it changed named (pipelines or engines).
void printChanged(const CommandLine& line, const QStringList& changed, const QString& text)
{
    if (line.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("changed"), QJsonArray::fromStringList(changed)},
                        {QStringLiteral("skipped"), QJsonArray()}}));
    } else {
        printText(text + QLatin1Char('\n'));
    }
}

// A name no live engine has: nothing changed, and the name is said on stderr (exit 4).
int reportUnknownWorker(const CommandLine& line, const QString& worker, const Error& error)
{
    if (line.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("changed"), QJsonArray()},
                        {QStringLiteral("skipped"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("id"), worker},
                             {QStringLiteral("reason"), QStringLiteral("no live engine")}}}}}));
    }
    QTextStream(stderr) << "pixelnest " << line.command << ": " << error.message << '\n';
    return kExitPartial;
}

int controlWorker(const CommandLine& line, AdminClient& client, const QString& worker,
                  const QString& instruction, const QString& done)
{
    const Result<QStringList> told = client.controlWorker(worker, instruction);
    if (!told) {
        return told.error().code == ErrorCode::NotFound
                   ? reportUnknownWorker(line, worker, told.error())
                   : reportError(line, told.error());
    }
    printChanged(line, told.value(), done.arg(told->join(QStringLiteral(", "))));
    return kExitOk;
}

int runPauseOrResume(const CommandLine& line, bool pause)
{
    const QString pipeline = line.value(QStringLiteral("pipeline"));
    const QString worker = line.value(QStringLiteral("worker"));
    if (!line.arguments.isEmpty() || (!pipeline.isEmpty() && !worker.isEmpty())) {
        return reportError(line, makeError(ErrorCode::InvalidInput,
                                           QStringLiteral("usage: pixelnest %1 [--pipeline P | "
                                                          "--worker W]")
                                               .arg(line.command)));
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    if (!worker.isEmpty()) {
        return controlWorker(line, *client.value(), worker,
                             pause ? QStringLiteral("pause") : QStringLiteral("resume"),
                             pause ? QStringLiteral("paused engine %1: it finishes what it holds "
                                                    "and stays idle until resumed")
                                   : QStringLiteral("resumed engine %1"));
    }
    const Result<void> done =
        pause ? client.value()->pause(pipeline) : client.value()->resume(pipeline);
    if (!done) {
        return reportError(line, done.error());
    }
    const QString what =
        pipeline.isEmpty() ? QStringLiteral("dispatch") : QStringLiteral("pipeline ") + pipeline;
    printChanged(line, {pipeline.isEmpty() ? QStringLiteral("*") : pipeline},
                 pause ? what + QStringLiteral(" paused: engines finish the jobs they hold and "
                                               "claim nothing new (`pixelnest resume` restarts)")
                       : what + QStringLiteral(" resumed"));
    return kExitOk;
}

} // namespace

int runWorkersCommand(const CommandLine& line)
{
    if (!line.arguments.isEmpty()) {
        return reportError(line, makeError(ErrorCode::InvalidInput,
                                           QStringLiteral("usage: pixelnest workers [--json]")));
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    const Result<QList<WorkerInfo>> workers = client.value()->workers();
    if (!workers) {
        return reportError(line, workers.error());
    }
    printList(
        workers.value(), line.isSet(QStringLiteral("json")),
        [](const WorkerInfo& worker) { return toJson(worker); },
        {QStringLiteral("ID"), QStringLiteral("DEVICE"), QStringLiteral("STATE"),
         QStringLiteral("LOAD"), QStringLiteral("RSS"), QStringLiteral("CPU"),
         QStringLiteral("GPU MEMORY"), QStringLiteral("IN FLIGHT"), QStringLiteral("PROCESSED"),
         QStringLiteral("FAILED"), QStringLiteral("UP"), QStringLiteral("PIPELINES"),
         QStringLiteral("LAST SEEN")},
        workerRow);
    return kExitOk;
}

int runPauseCommand(const CommandLine& line)
{
    return runPauseOrResume(line, true);
}

int runResumeCommand(const CommandLine& line)
{
    return runPauseOrResume(line, false);
}

int runDrainCommand(const CommandLine& line)
{
    if (line.arguments.size() != 1) {
        return reportError(line, makeError(ErrorCode::InvalidInput,
                                           QStringLiteral("usage: pixelnest drain WORKER (an id "
                                                          "or host:pid from `pixelnest "
                                                          "workers`)")));
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    return controlWorker(line, *client.value(), line.arguments.first(), QStringLiteral("drain"),
                         QStringLiteral("draining %1: it finishes its jobs and stops"));
}

int runLimitCommand(const CommandLine& line)
{
    const QString rate = line.arguments.value(1).trimmed();
    bool ok = rate == QLatin1String("off");
    double perSecond = 0;
    if (!ok) {
        QString number = rate;
        if (number.endsWith(QLatin1String("/s"))) {
            number.chop(2);
        }
        perSecond = number.toDouble(&ok);
        ok = ok && perSecond > 0 && perSecond <= 1e6;
    }
    if (line.arguments.size() != 2 || !ok) {
        return reportError(line, makeError(ErrorCode::InvalidInput,
                                           QStringLiteral("usage: pixelnest limit PIPELINE N/s|off "
                                                          "(N jobs per second, more than 0)")));
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    const QString pipeline = line.arguments.first();
    if (Result<void> set = client.value()->setRateLimit(pipeline, perSecond); !set) {
        return reportError(line, set.error());
    }
    printChanged(line, {pipeline},
                 perSecond > 0 ? QStringLiteral("pipeline %1: at most %2 jobs per second, all "
                                                "engines together")
                                     .arg(pipeline)
                                     .arg(perSecond)
                               : QStringLiteral("pipeline %1: no rate limit").arg(pipeline));
    return kExitOk;
}

} // namespace pixelnest::cli
