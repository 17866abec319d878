#pragma once

// What the queue benchmark drivers share: the servers from the environment, a scalar query, a
// process's peak memory and CPU time from /proc.
#include "pixelnest/adminclient.h"
#include "store/pgconnection.h"

#include <QByteArray>
#include <QString>

namespace pixelnest::bench
{

ConnectionConfig connectionsFromEnvironment();
int fail(const QString& message);
// The first column of the first row as a number, -1 when the query failed.
double scalar(engine::PgConnection& db, const QByteArray& sql);
qint64 peakRssKb(qint64 pid);
// CPU seconds a process used (user + system), with its children that have exited when
// `withChildren` (PostgreSQL's postmaster collects its backends' time that way).
double cpuSeconds(qint64 pid, bool withChildren);
// A process and its live children, as above: a server's whole CPU so far.
double treeCpuSeconds(qint64 pid);

} // namespace pixelnest::bench
