#pragma once

#include "pixelnest/jobs.h"
#include "store/pgconnection.h"

#include <QByteArray>
#include <QList>

namespace pixelnest::engine
{

// The select list that jobRecordAt() reads, for every query returning jobs (table alias i).
extern const QByteArray kJobColumns;

JobRecord jobRecordAt(const PgResult& rows, int row);

// The first column of every row as ids.
QList<qint64> idsOf(const PgResult& rows);

// `{1,2,3}`: a bigint[] parameter in text format.
QByteArray idArrayLiteral(const QList<qint64>& ids);
// A bytea[] parameter in binary format (PostgreSQL's array_send layout): the bytes go raw, not
// hex-escaped at twice their size. Send it with its index in execBinary's binaryParams.
QByteArray byteaArrayBinary(const QList<QByteArray>& values);
// `{"a","b"}`: a text[] parameter in text format, each element quoted and escaped.
QByteArray textArrayLiteral(const QStringList& values);

// Milliseconds since the epoch (NULL stays invalid) as stored by the `epochMs(...)` columns.
QDateTime timeFromEpochMs(const PgResult& rows, int row, int column);

} // namespace pixelnest::engine
