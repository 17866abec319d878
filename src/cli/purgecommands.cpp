#include "cli/purgecommands.h"

#include "cli/exitcodes.h"
#include "cli/progressbar.h"
#include "cli/session.h"
#include "cli/table.h"
#include "cli/timeoptions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <memory>

namespace pixelnest::cli
{

namespace
{

// --status completed,failed (default: every finished status). Only finished jobs are purged.
Result<QList<JobStatus>> finishedStatuses(const CommandLine& line)
{
    if (!line.isSet(QStringLiteral("status"))) {
        return PurgeFilter().statuses;
    }
    QList<JobStatus> statuses;
    for (const QString& name :
         line.value(QStringLiteral("status")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::optional<JobStatus> status = parseStatus(name.trimmed());
        if (!status || *status == JobStatus::Queued || *status == JobStatus::Processing) {
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("--status takes completed, failed or cancelled "
                                            "(separated by commas), not '%1'")
                                 .arg(name));
        }
        statuses.append(*status);
    }
    return statuses;
}

Result<PurgeFilter> filterOf(const CommandLine& line, const QString& duration)
{
    const Result<qint64> age = parseDurationMs(duration);
    if (!age) {
        return age.error();
    }
    if (age.value() < 1000) {
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the age must be at least 1s"));
    }
    const Result<QList<JobStatus>> statuses = finishedStatuses(line);
    if (!statuses) {
        return statuses.error();
    }
    PurgeFilter filter;
    filter.olderThanSeconds = age.value() / 1000;
    filter.statuses = statuses.value();
    return filter;
}

QString mebibytes(qint64 bytes)
{
    return QStringLiteral("%1 MiB").arg(double(bytes) / 1048576.0, 0, 'f', 1);
}

} // namespace

int runPurgeCommand(const CommandLine& line)
{
    if (!line.arguments.isEmpty() || !line.isSet(QStringLiteral("older-than"))) {
        return reportError(line,
                           makeError(ErrorCode::InvalidInput,
                                     QStringLiteral("usage: pixelnest purge --older-than "
                                                    "DURATION [--status S,...] [--dry-run]")));
    }
    const Result<PurgeFilter> filter = filterOf(line, line.value(QStringLiteral("older-than")));
    if (!filter) {
        return reportError(line, filter.error());
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    const bool dryRun = line.isSet(QStringLiteral("dry-run"));
    std::unique_ptr<ProgressBar> bar;
    const Result<PurgeReport> report =
        dryRun ? client.value()->purgePreview(filter.value())
               : client.value()->purge(filter.value(), [&bar](const PurgeReport& done) {
                     if (!bar) {
                         bar = std::make_unique<ProgressBar>(done.matched, 0, "jobs");
                     }
                     bar->advance(done.deleted, 0);
                 });
    bar.reset();
    if (!report) {
        return reportError(line, report.error());
    }
    if (line.isSet(QStringLiteral("json"))) {
        // A command over a filter: DESIGN.md's {"matched", "changed"}, plus the bytes.
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("matched"), report->matched},
                                            {QStringLiteral("changed"), report->deleted},
                                            {QStringLiteral("bytes"), report->bytes},
                                            {QStringLiteral("dry_run"), dryRun}}));
    } else if (dryRun) {
        printText(QStringLiteral("would purge %1 jobs (%2 of originals); nothing changed\n")
                      .arg(report->matched)
                      .arg(mebibytes(report->bytes)));
    } else {
        printText(QStringLiteral("purged %1 jobs (%2 of images); the space is reused by new "
                                 "rows, VACUUM FULL returns it to the disk\n")
                      .arg(report->deleted)
                      .arg(mebibytes(report->bytes)));
    }
    return kExitOk;
}

int runRetentionCommand(const CommandLine& line)
{
    if (line.arguments.size() > 1) {
        return reportError(line, makeError(ErrorCode::InvalidInput,
                                           QStringLiteral("usage: pixelnest retention [DURATION "
                                                          "[--status S,...] | off]")));
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    if (!line.arguments.isEmpty()) {
        std::optional<PurgeFilter> policy;
        if (line.arguments.first() != QLatin1String("off")) {
            const Result<PurgeFilter> filter = filterOf(line, line.arguments.first());
            if (!filter) {
                return reportError(line, filter.error());
            }
            policy = filter.value();
        }
        if (Result<void> set = client.value()->setRetention(policy); !set) {
            return reportError(line, set.error());
        }
    }
    const Result<std::optional<RetentionPolicy>> current = client.value()->retention();
    if (!current) {
        return reportError(line, current.error());
    }
    const std::optional<RetentionPolicy>& policy = current.value();
    if (line.isSet(QStringLiteral("json"))) {
        QJsonObject state{{QStringLiteral("enabled"), policy.has_value()}};
        if (policy) {
            QJsonArray statuses;
            for (JobStatus status : policy->filter.statuses) {
                statuses.append(statusName(status));
            }
            state.insert(QStringLiteral("older_than_s"), policy->filter.olderThanSeconds);
            state.insert(QStringLiteral("status"), statuses);
            state.insert(QStringLiteral("set_by"), policy->setBy);
            state.insert(QStringLiteral("set_at"), policy->setAt.toString(Qt::ISODate));
        }
        printJson(QJsonDocument(state));
    } else if (!policy) {
        printText(QStringLiteral("no automatic retention: finished jobs are kept until purged\n"));
    } else {
        QStringList names;
        for (JobStatus status : policy->filter.statuses) {
            names.append(statusName(status));
        }
        printText(QStringLiteral("engines delete %1 jobs %2 s after they finish (set by %3 at "
                                 "%4)\n")
                      .arg(names.join(QLatin1Char(',')))
                      .arg(policy->filter.olderThanSeconds)
                      .arg(policy->setBy, shortTime(policy->setAt)));
    }
    return kExitOk;
}

} // namespace pixelnest::cli
