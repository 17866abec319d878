#include "store/auditstore.h"

#include "store/jobrows.h"
#include "store/rolegrants.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pixelnest
{

QJsonObject auditEntryJson(const AuditEntry& entry)
{
    QJsonObject json{{QStringLiteral("at"), entry.at.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("login"), entry.login},
                     {QStringLiteral("role"), entry.role},
                     {QStringLiteral("client"), entry.client},
                     {QStringLiteral("action"), entry.action},
                     {QStringLiteral("count"), entry.count},
                     {QStringLiteral("old"), entry.old},
                     {QStringLiteral("new"), entry.next}};
    QJsonArray ids;
    for (qint64 id : entry.ids) {
        ids.append(id);
    }
    json.insert(QStringLiteral("ids"), ids);
    if (!entry.filter.isEmpty()) {
        json.insert(QStringLiteral("filter"), entry.filter);
    }
    return json;
}

QString auditTargetsText(const AuditEntry& entry)
{
    // A role change names its login here ({"login": ...}), a bulk action its filter.
    if (!entry.filter.isEmpty()) {
        return QString::fromUtf8(QJsonDocument(entry.filter).toJson(QJsonDocument::Compact));
    }
    if (entry.ids.isEmpty()) {
        return QStringLiteral("-");
    }
    constexpr qsizetype kShown = 3;
    QStringList shown;
    for (qsizetype i = 0; i < std::min(entry.ids.size(), kShown); ++i) {
        shown.append(QString::number(entry.ids[i]));
    }
    QString text = shown.join(QStringLiteral(", "));
    const qsizetype total = std::max(entry.ids.size(), entry.idsTotal);
    if (total > kShown) {
        text += QStringLiteral(" (+%1 more)").arg(total - kShown);
    }
    return text;
}

QString auditChangeText(const AuditEntry& entry)
{
    // A submission's new values are per job (title, priority, pipeline): see the JSON.
    if (!entry.next.isObject() || entry.action == QLatin1String("submit")) {
        return QStringLiteral("-");
    }
    const QJsonObject next = entry.next.toObject();
    QStringList parts;
    for (auto it = next.begin(); it != next.end(); ++it) {
        parts.append(it.key() + QLatin1Char('=') + it.value().toVariant().toString());
    }
    return parts.join(QStringLiteral(", "));
}

namespace engine
{

namespace
{

QJsonValue jsonColumn(const PgResult& rows, int row, int column)
{
    if (rows.isNull(row, column)) {
        return QJsonValue::Null;
    }
    // Wrapped in an array so that any JSON value (object, number, string) parses.
    const QByteArray wrapped = "[" + rows.bytes(row, column) + "]";
    return QJsonDocument::fromJson(wrapped).array().first();
}

QList<qint64> idList(const QString& text) // "{1,2,3}"
{
    QList<qint64> ids;
    const QString inner = text.mid(1, text.size() - 2);
    for (const QString& part : inner.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        ids.append(part.toLongLong());
    }
    return ids;
}

} // namespace

Result<QList<AuditEntry>> AuditStore::list(const AuditQuery& query)
{
    // A summary slices the array and drops a submission's per-job values inside PostgreSQL, so
    // that a huge entry is neither converted to text nor sent (2 s for a million images). Other
    // actions' old values stay: the console pages its bulk actions by 500 ids.
    QByteArray sql =
        "SELECT id, (extract(epoch FROM at) * 1000)::bigint, login, role, client, action, " +
        (query.summary ? "ids[1:" + QByteArray::number(AuditQuery::kSummaryIds) +
                             "]::text, filter::text, count, old::text, "
                             "CASE WHEN action = 'submit' THEN NULL ELSE new::text END, "
                       : QByteArray("ids::text, filter::text, count, old::text, new::text, ")) +
        "coalesce(cardinality(ids), 0) FROM audit_log WHERE true";
    QList<QByteArray> params;
    const auto bind = [&params](const QByteArray& value) {
        params.append(value);
        return "$" + QByteArray::number(params.size());
    };
    if (query.since) {
        sql += " AND at >= 'epoch'::timestamptz + " +
               bind(QByteArray::number(query.since->toMSecsSinceEpoch())) +
               "::bigint * interval '1 millisecond'";
    }
    if (!query.login.isEmpty()) {
        sql += " AND login = " + bind(query.login.toUtf8());
    }
    if (!query.action.isEmpty()) {
        sql += " AND action = " + bind(query.action.toUtf8());
    }
    if (query.beforeId > 0) {
        sql += " AND id < " + bind(QByteArray::number(query.beforeId));
    }
    sql += " ORDER BY id DESC LIMIT " + bind(QByteArray::number(std::max(1, query.limit)));
    const Result<PgResult> rows = m_db.exec(sql, params);
    if (!rows) {
        return explainRefusal(m_db, rows.error(), AdminAction::ReadAudit);
    }
    QList<AuditEntry> entries;
    for (int row = 0; row < rows->rows(); ++row) {
        AuditEntry entry;
        entry.id = rows->integer(row, 0);
        entry.at = timeFromEpochMs(rows.value(), row, 1);
        entry.login = rows->text(row, 2);
        entry.role = rows->text(row, 3);
        entry.client = rows->text(row, 4);
        entry.action = rows->text(row, 5);
        entry.ids = rows->isNull(row, 6) ? QList<qint64>() : idList(rows->text(row, 6));
        entry.filter = jsonColumn(rows.value(), row, 7).toObject();
        entry.count = int(rows->integer(row, 8));
        entry.old = jsonColumn(rows.value(), row, 9);
        entry.next = jsonColumn(rows.value(), row, 10);
        entry.idsTotal = rows->integer(row, 11);
        entries.append(entry);
    }
    return entries;
}

} // namespace engine

} // namespace pixelnest
