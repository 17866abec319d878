#include "cli/submitcommand.h"

#include "cli/exitcodes.h"
#include "cli/progressbar.h"
#include "cli/session.h"
#include "cli/timeoptions.h"
#include "config/engineconfigloader.h"
#include "pixelnest/submission.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace pixelnest::cli
{

namespace
{

void printAccepted(const QList<SubmissionAccepted>& accepted, bool json)
{
    QTextStream out(stdout);
    if (json) {
        QJsonArray entries;
        for (const SubmissionAccepted& entry : accepted) {
            entries.append(QJsonObject{{QStringLiteral("id"), entry.id},
                                       {QStringLiteral("path"), entry.path}});
        }
        out << QJsonDocument(entries).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    for (const SubmissionAccepted& entry : accepted) {
        out << entry.id << '\t' << entry.path << '\n';
    }
    out << accepted.size() << " image(s) queued\n";
}

// --at TIME | --in DURATION, and --expires-in DURATION (counted from the start, when both).
Result<void> readSchedule(const CommandLine& line, SubmissionOptions& options)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (line.isSet(QStringLiteral("at")) && line.isSet(QStringLiteral("in"))) {
        return makeError(ErrorCode::InvalidInput, QStringLiteral("give --at or --in, not both"));
    }
    if (line.isSet(QStringLiteral("at"))) {
        const QDateTime at =
            QDateTime::fromString(line.value(QStringLiteral("at")).trimmed(), Qt::ISODateWithMs);
        if (!at.isValid()) {
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("--at takes a time such as 2026-12-01T18:00:00Z or "
                                            "2026-12-01T18:00 (local), not '%1'")
                                 .arg(line.value(QStringLiteral("at"))));
        }
        options.notBefore = at.toUTC();
    }
    if (line.isSet(QStringLiteral("in"))) {
        const Result<qint64> delay = parseDurationMs(line.value(QStringLiteral("in")));
        if (!delay) {
            return delay.error();
        }
        options.notBefore = now.addMSecs(delay.value());
    }
    if (line.isSet(QStringLiteral("expires-in"))) {
        const Result<qint64> life = parseDurationMs(line.value(QStringLiteral("expires-in")));
        if (!life) {
            return life.error();
        }
        const QDateTime start = options.notBefore.isValid() ? options.notBefore : now;
        options.expiresAt = start.addMSecs(life.value());
    }
    return {};
}

} // namespace

int runSubmitCommand(const CommandLine& line)
{
    if (line.arguments.isEmpty()) {
        QTextStream(stderr) << "pixelnest submit: give at least one file or folder\n";
        return kExitUsage;
    }
    const Result<qint64> priority =
        integerOption(line, QStringLiteral("priority"), 0, -1000'000'000, 1000'000'000);
    if (!priority) {
        return reportError(line, priority.error());
    }
    if (Result<void> valid = checkPriority(priority.value()); !valid) {
        return reportError(line, valid.error());
    }
    const Result<EngineConfig> config = loadEngineConfig(line);
    if (!config) {
        return reportError(line, config.error());
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line, config.value());
    if (!client) {
        return reportError(line, client.error());
    }
    const ImageLimits& limits = config->limits;
    const SubmissionPlan plan = planSubmission(line.arguments, limits);
    SubmissionOptions options{int(priority.value()), line.value(QStringLiteral("title")),
                              line.value(QStringLiteral("pipeline"), QStringLiteral("default"))};
    if (Result<void> schedule = readSchedule(line, options); !schedule) {
        return reportError(line, schedule.error());
    }
    SubmissionRun run;
    {
        ProgressBar progress(plan.files.size(), plan.bytes);
        qsizetype filesBefore = 0;
        qint64 bytesBefore = 0;
        run = submitAll(*client.value(), plan, options, limits, [&](qsizetype files, qint64 bytes) {
            progress.advance(files - filesBefore, bytes - bytesBefore);
            filesBefore = files;
            bytesBefore = bytes;
        });
    }
    // What was committed before a failure is reported too: those jobs exist and will run.
    printAccepted(run.report.accepted, line.isSet(QStringLiteral("json")));
    for (const SubmissionReject& rejected : run.report.rejected) {
        QTextStream(stderr) << "pixelnest submit: rejected " << rejected.path << ": "
                            << rejected.error.message << '\n';
    }
    if (run.failure) {
        return reportError(line, *run.failure);
    }
    return run.report.rejected.isEmpty() ? kExitOk : kExitPartial;
}

} // namespace pixelnest::cli
