#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace pixelnest
{

// One row of the audit trail (migration 0005): a change people made, written in the
// transaction of the change.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;       // UTC
    QString login;      // session_user
    QString role;       // viewer | operator | admin | owner | ...
    QString client;     // "application_name@host" ("local" for a unix socket)
    QString action;     // submit | priority | cancel | reprocess | reprocess-all-failed |
                        // role change | retry_now | pause | resume | drain (filter:
                        // {"pipeline": P} or {"worker": [ids]})
    QList<qint64> ids;  // the jobs changed (empty for a role change); a summary's first ones
    qsizetype idsTotal = 0; // how many jobs the entry names (ids may hold fewer: a summary)
    QJsonObject filter; // bulk actions over a filter: the filter ({"status": "failed"})
    int count = 0;      // how many rows changed
    QJsonValue old;     // {"<id>": old value, ...} or {"role": ...}
    QJsonValue next;    // the new value ({"priority": 5}, {"status": "cancelled"})
};

// Newest first, keyset-paged by id.
struct AuditQuery
{
    std::optional<QDateTime> since;
    QString login;       // exact; empty: everyone
    QString action;      // exact; empty: every action
    qint64 beforeId = 0; // the next page: entries with a smaller id
    int limit = 100;
    // For a table (the console): each entry's first ids (idsTotal says how many), without a
    // submission's per-job values. A submission of a million images is one entry of ~80 MB.
    bool summary = false;
    static constexpr int kSummaryIds = 20;
};

// `audit --json`: at, login, role, client, action, ids | filter+count, old, new.
QJsonObject auditEntryJson(const AuditEntry& entry);

// For tables (CLI and console): "12, 13, 14 (+97 more)", or a bulk action's filter, or the
// login of a role change.
QString auditTargetsText(const AuditEntry& entry);
// "priority=5", "status=cancelled", "role=viewer"; "-" for a submission (see its JSON).
QString auditChangeText(const AuditEntry& entry);

} // namespace pixelnest
