#include "store/jobrows.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace pixelnest::engine
{

const QByteArray kJobColumns =
    "i.id, i.title, i.status::text, i.priority, i.pipeline, i.attempts, i.error, i.result::text, "
    "i.worker, i.format, i.byte_size, coalesce(i.width, 0), coalesce(i.height, 0), "
    "(extract(epoch FROM i.created_at) * 1000)::bigint, "
    "(extract(epoch FROM i.started_at) * 1000)::bigint, "
    "(extract(epoch FROM i.finished_at) * 1000)::bigint, "
    "(extract(epoch FROM i.not_before) * 1000)::bigint, "
    "(extract(epoch FROM i.expires_at) * 1000)::bigint";

QDateTime timeFromEpochMs(const PgResult& rows, int row, int column)
{
    if (rows.isNull(row, column)) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(rows.integer(row, column), Qt::UTC);
}

JobRecord jobRecordAt(const PgResult& rows, int row)
{
    JobRecord job;
    job.id = rows.integer(row, 0);
    job.title = rows.text(row, 1);
    job.status = parseStatus(rows.text(row, 2)).value_or(JobStatus::Queued);
    job.priority = int(rows.integer(row, 3));
    job.pipeline = rows.text(row, 4);
    job.attempts = int(rows.integer(row, 5));
    job.error = rows.text(row, 6);
    job.result = QJsonDocument::fromJson(rows.bytes(row, 7)).object();
    job.worker = rows.text(row, 8);
    job.format = rows.text(row, 9);
    job.byteSize = rows.integer(row, 10);
    job.width = int(rows.integer(row, 11));
    job.height = int(rows.integer(row, 12));
    job.createdAt = timeFromEpochMs(rows, row, 13);
    job.startedAt = timeFromEpochMs(rows, row, 14);
    job.finishedAt = timeFromEpochMs(rows, row, 15);
    job.notBefore = timeFromEpochMs(rows, row, 16);
    job.expiresAt = timeFromEpochMs(rows, row, 17);
    return job;
}

QList<qint64> idsOf(const PgResult& rows)
{
    QList<qint64> ids;
    ids.reserve(rows.rows());
    for (int row = 0; row < rows.rows(); ++row) {
        ids.append(rows.integer(row, 0));
    }
    return ids;
}

QByteArray idArrayLiteral(const QList<qint64>& ids)
{
    QByteArray literal = "{";
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0) {
            literal += ',';
        }
        literal += QByteArray::number(ids[i]);
    }
    return literal + '}';
}

QByteArray byteaArrayBinary(const QList<QByteArray>& values)
{
    constexpr quint32 kByteaOid = 17;
    QByteArray array;
    const auto append32 = [&array](quint32 value) {
        const char bigEndian[4] = {char(value >> 24), char(value >> 16), char(value >> 8),
                                   char(value)};
        array.append(bigEndian, 4);
    };
    qint64 size = 20;
    for (const QByteArray& value : values) {
        size += 4 + value.size();
    }
    array.reserve(size);
    append32(1); // dimensions
    append32(0); // no NULL elements
    append32(kByteaOid);
    append32(quint32(values.size()));
    append32(1); // lower bound
    for (const QByteArray& value : values) {
        append32(quint32(value.size()));
        array.append(value);
    }
    return array;
}

QByteArray textArrayLiteral(const QStringList& values)
{
    QByteArray literal = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        QByteArray element = values[i].toUtf8();
        element.replace('\\', "\\\\").replace('"', "\\\"");
        literal += (i > 0 ? ",\"" : "\"") + element + '"';
    }
    return literal + '}';
}

} // namespace pixelnest::engine
