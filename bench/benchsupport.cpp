#include "benchsupport.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <unistd.h>

namespace pixelnest::bench
{

ConnectionConfig connectionsFromEnvironment()
{
    return {qEnvironmentVariable("PIXELNEST_POSTGRES"), qEnvironmentVariable("PIXELNEST_REDIS")};
}

int fail(const QString& message)
{
    std::fprintf(stderr, "bench: %s\n", qPrintable(message));
    return 1;
}

double scalar(engine::PgConnection& db, const QByteArray& sql)
{
    const Result<engine::PgResult> rows = db.exec(sql);
    return rows && rows->rows() > 0 ? rows->bytes(0, 0).toDouble() : -1;
}

qint64 peakRssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return 0;
}

namespace
{

// /proc/PID/stat's fields after the command name: state is [0], ppid [1], utime [11] … cstime [14].
QList<QByteArray> statFields(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2).split(' ');
}

} // namespace

double cpuSeconds(qint64 pid, bool withChildren)
{
    const QList<QByteArray> fields = statFields(pid);
    if (fields.size() < 15) {
        return 0;
    }
    double ticks = fields[11].toDouble() + fields[12].toDouble();
    if (withChildren) {
        ticks += fields[13].toDouble() + fields[14].toDouble();
    }
    return ticks / double(sysconf(_SC_CLK_TCK));
}

double treeCpuSeconds(qint64 pid)
{
    double seconds = cpuSeconds(pid, true);
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& entry : entries) {
        bool number = false;
        const qint64 child = entry.toLongLong(&number);
        if (number && child != pid && statFields(child).value(1).toLongLong() == pid) {
            seconds += cpuSeconds(child, false);
        }
    }
    return seconds;
}

} // namespace pixelnest::bench
