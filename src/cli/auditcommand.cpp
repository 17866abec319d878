#include "cli/auditcommand.h"

#include "cli/exitcodes.h"
#include "cli/session.h"
#include "cli/table.h"
#include "cli/timeoptions.h"

#include <QJsonArray>
#include <QTextStream>

namespace pixelnest::cli
{

int runAuditCommand(const CommandLine& line)
{
    AuditQuery query;
    if (line.isSet(QStringLiteral("since"))) {
        const Result<QDateTime> since =
            parseInstant(line.value(QStringLiteral("since")), QDateTime::currentDateTimeUtc());
        if (!since) {
            return reportError(line, since.error());
        }
        query.since = since.value();
    }
    query.login = line.value(QStringLiteral("login"));
    const Result<qint64> limit = integerOption(line, QStringLiteral("limit"), 100, 1, 100000);
    if (!limit) {
        return reportError(line, limit.error());
    }
    query.limit = int(limit.value());
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    const Result<QList<AuditEntry>> entries = client.value()->audit(query);
    if (!entries) {
        return reportError(line, entries.error());
    }
    printList(entries.value(), line.isSet(QStringLiteral("json")), auditEntryJson,
              {QStringLiteral("AT"), QStringLiteral("LOGIN"), QStringLiteral("ROLE"),
               QStringLiteral("CLIENT"), QStringLiteral("ACTION"), QStringLiteral("COUNT"),
               QStringLiteral("JOBS"), QStringLiteral("CHANGE")},
              [](const AuditEntry& entry) {
                  return QStringList{shortTime(entry.at),
                                     entry.login,
                                     entry.role,
                                     entry.client,
                                     entry.action,
                                     QString::number(entry.count),
                                     elided(auditTargetsText(entry), 40),
                                     auditChangeText(entry)};
              });
    return kExitOk;
}

} // namespace pixelnest::cli
