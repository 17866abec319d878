#include "cli/bulkcommands.h"

#include "cli/exitcodes.h"
#include "cli/session.h"
#include "cli/table.h"

#include <QJsonArray>
#include <QJsonObject>

#include <QTextStream>

#include <functional>

namespace pixelnest::cli
{

namespace
{

const QString kNoSuchImage = QStringLiteral("no such image");

// DESIGN.md's shape for a mutating command: {"changed": [ids], "skipped": [{"id", "reason"}]}.
QJsonObject changedAndSkipped(const BulkOutcome& outcome, const QString& whyUnchanged)
{
    QJsonArray changed;
    for (qint64 id : outcome.changed) {
        changed.append(id);
    }
    QJsonArray skipped;
    for (qint64 id : outcome.missing) {
        skipped.append(
            QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("reason"), kNoSuchImage}});
    }
    for (qint64 id : outcome.unchanged) {
        skipped.append(
            QJsonObject{{QStringLiteral("id"), id},
                        {QStringLiteral("reason"),
                         whyUnchanged.isEmpty() ? QStringLiteral("unchanged") : whyUnchanged}});
    }
    return {{QStringLiteral("changed"), changed}, {QStringLiteral("skipped"), skipped}};
}

// Prints what the action did (with --json, DESIGN.md's shape), names every id it could not apply
// to, and picks the exit code: 4 when some ids were missing or in the wrong state.
int report(const CommandLine& line, const BulkOutcome& outcome, const QString& done,
           const QString& whyUnchanged)
{
    if (line.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(changedAndSkipped(outcome, whyUnchanged)));
    } else {
        QTextStream(stdout) << done.arg(outcome.changed.size()) << '\n';
    }
    QTextStream err(stderr);
    for (qint64 id : outcome.missing) {
        err << "pixelnest: no image with id " << id << '\n';
    }
    for (qint64 id : outcome.unchanged) {
        err << "pixelnest: image " << id << ' ' << whyUnchanged << '\n';
    }
    return outcome.missing.isEmpty() && outcome.unchanged.isEmpty() ? kExitOk : kExitPartial;
}

using Action = std::function<Result<BulkOutcome>(AdminClient&, const QList<qint64>&)>;

int runOnIds(const CommandLine& line, const QStringList& words, const Action& action,
             const QString& done, const QString& whyUnchanged)
{
    const Result<QList<qint64>> ids = jobIds(words);
    if (!ids) {
        return reportError(line, ids.error());
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    const Result<BulkOutcome> outcome = action(*client.value(), ids.value());
    if (!outcome) {
        return reportError(line, outcome.error());
    }
    return report(line, outcome.value(), done, whyUnchanged);
}

} // namespace

int runPriorityCommand(const CommandLine& line)
{
    bool ok = false;
    const qint64 priority = line.arguments.value(0).toLongLong(&ok);
    if (!ok) {
        return reportError(line, makeError(ErrorCode::InvalidInput,
                                           QStringLiteral("usage: pixelnest priority N ID... "
                                                          "(N from -1000 to 1000)")));
    }
    if (Result<void> valid = checkPriority(priority); !valid) {
        return reportError(line, valid.error());
    }
    return runOnIds(
        line, line.arguments.mid(1),
        [priority](AdminClient& client, const QList<qint64>& ids) {
            return client.setPriority(ids, int(priority));
        },
        QStringLiteral("%1 image(s) now at priority ") + QString::number(priority), QString());
}

int runReprocessCommand(const CommandLine& line)
{
    if (line.isSet(QStringLiteral("failed"))) {
        if (!line.arguments.isEmpty()) {
            return reportError(line, makeError(ErrorCode::InvalidInput,
                                               QStringLiteral("give ids or --failed, not both")));
        }
        Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
        if (!client) {
            return reportError(line, client.error());
        }
        const Result<BulkOutcome> outcome = client.value()->reprocessFailed();
        if (!outcome) {
            return reportError(line, outcome.error());
        }
        if (line.isSet(QStringLiteral("json"))) {
            // A bulk command over a filter (every failed job): DESIGN.md's {"matched", "changed"}.
            const BulkOutcome& done = outcome.value();
            printJson(QJsonDocument(
                QJsonObject{{QStringLiteral("matched"),
                             done.changed.size() + done.unchanged.size() + done.missing.size()},
                            {QStringLiteral("changed"), done.changed.size()}}));
            return kExitOk;
        }
        return report(line, outcome.value(),
                      QStringLiteral("%1 failed image(s) queued for reprocessing"), QString());
    }
    return runOnIds(
        line, line.arguments,
        [](AdminClient& client, const QList<qint64>& ids) { return client.reprocess(ids); },
        QStringLiteral("%1 image(s) queued for reprocessing"),
        QStringLiteral("is still queued or processing: only completed, failed or cancelled "
                       "images can be reprocessed"));
}

int runCancelCommand(const CommandLine& line)
{
    return runOnIds(
        line, line.arguments,
        [](AdminClient& client, const QList<qint64>& ids) { return client.cancel(ids); },
        QStringLiteral("%1 image(s) cancelled"),
        QStringLiteral("has already finished: only queued or processing images can be "
                       "cancelled"));
}

int runRetryCommand(const CommandLine& line)
{
    return runOnIds(
        line, line.arguments,
        [](AdminClient& client, const QList<qint64>& ids) { return client.retryNow(ids); },
        QStringLiteral("%1 image(s) will be retried now"),
        QStringLiteral("is not waiting out a retry's backoff"));
}

} // namespace pixelnest::cli
