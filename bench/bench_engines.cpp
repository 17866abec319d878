// Many engines at once (not a test): submits JOBS `noop` jobs, then starts ENGINES
// `pixelnest --engine-only --workers 1 --exit-when-idle` processes on them together and waits
// until all exit. Prints one JSON object:
//   jobs_per_s           first claim to last result, all engines together
//   not_once             jobs that did not complete in exactly one attempt (must be 0)
//   claims, empty_claims claim round trips to Redis, summed from each engine's last log line
//   redis_cpu_us_per_job, postgres_cpu_us_per_job, engines_cpu_us_per_job
// Usage: bench_engines BINARY ENGINES JOBS, with PIXELNEST_POSTGRES / PIXELNEST_REDIS and
// BENCH_REDIS_PID / BENCH_POSTGRES_PID (the servers' processes, for their CPU time) set.
#include "benchsupport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <cstdio>
#include <memory>
#include <sys/resource.h>

using namespace pixelnest;
using namespace pixelnest::bench;

namespace
{

// A small real JPEG: 200,000 of them stay well under a gigabyte of table.
QByteArray smallJpeg()
{
    QImage image(16, 16, QImage::Format_RGB32);
    image.fill(qRgb(40, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return bytes;
}

double childrenCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct ServerCpu
{
    double redis = 0;
    double postgres = 0;
};

ServerCpu serverCpu()
{
    return {treeCpuSeconds(qEnvironmentVariableIntValue("BENCH_REDIS_PID")),
            treeCpuSeconds(qEnvironmentVariableIntValue("BENCH_POSTGRES_PID"))};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        return fail(QStringLiteral("usage: bench_engines BINARY ENGINES JOBS"));
    }
    const QString binary = args[1];
    const int engines = args[2].toInt();
    const int jobs = args[3].toInt();
    const ConnectionConfig connections = connectionsFromEnvironment();
    Result<std::unique_ptr<AdminClient>> admin = AdminClient::connect(connections);
    engine::PgConnection db;
    if (!admin || !db.open(connections.postgres)) {
        return fail(QStringLiteral("cannot connect: set PIXELNEST_POSTGRES and PIXELNEST_REDIS"));
    }
    const QByteArray mine =
        " FROM images WHERE id > " +
        QByteArray::number(qint64(scalar(db, "SELECT coalesce(max(id), 0) FROM images")));

    const QByteArray photo = smallJpeg();
    QElapsedTimer submitting;
    submitting.start();
    QList<ImageUpload> uploads;
    for (int i = 0; i < jobs; ++i) {
        uploads.append(
            {QStringLiteral("many-%1").arg(i), photo, 0, QStringLiteral("noop"), {}, {}});
        if (uploads.size() == 1000 || i + 1 == jobs) {
            if (Result<SubmitReport> sent = admin.value()->submit(uploads); !sent) {
                return fail(sent.error().message);
            }
            uploads.clear();
        }
    }
    const double submitS = double(submitting.elapsed()) / 1000.0;

    const ServerCpu before = serverCpu();
    const double enginesBefore = childrenCpuSeconds();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Each engine's last line says what it did ("engine stopped: … claims, … empty").
    environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                       QStringLiteral("pixelnest.*.info=false\npixelnest.runtime.info=true"));
    // A folder of its own for the engines' logs (bench/many_engines.sh names one per run).
    const QString logs = qEnvironmentVariable(
        "BENCH_ENGINE_LOGS", QDir::temp().filePath(QStringLiteral("pixelnest-bench-engine-logs")));
    QDir(logs).removeRecursively();
    QDir().mkpath(logs);
    std::vector<std::unique_ptr<QProcess>> processes;
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < engines; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment);
        process->setStandardOutputFile(QProcess::nullDevice());
        process->setStandardErrorFile(QStringLiteral("%1/engine-%2.log").arg(logs).arg(i));
        process->start(binary, {QStringLiteral("--engine-only"), QStringLiteral("--exit-when-idle"),
                                QStringLiteral("--workers"), QStringLiteral("1"),
                                QStringLiteral("--batch-size"),
                                qEnvironmentVariable("BENCH_BATCH", QStringLiteral("64"))});
        processes.push_back(std::move(process));
    }
    int exitedBadly = 0;
    for (auto& process : processes) {
        process->waitForFinished(-1);
        exitedBadly += process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0;
    }
    const double wallS = double(QDateTime::currentMSecsSinceEpoch() - startMs) / 1000.0;
    const ServerCpu after = serverCpu();
    const double enginesCpu = childrenCpuSeconds() - enginesBefore;

    qint64 claims = 0;
    qint64 emptyClaims = 0;
    const QRegularExpression summary(QStringLiteral("(\\d+) claims, (\\d+) empty"));
    for (int i = 0; i < engines; ++i) {
        QFile log(QStringLiteral("%1/engine-%2.log").arg(logs).arg(i));
        log.open(QIODevice::ReadOnly);
        const QRegularExpressionMatch match = summary.match(QString::fromUtf8(log.readAll()));
        claims += match.captured(1).toLongLong();
        emptyClaims += match.captured(2).toLongLong();
    }
    const double firstMs = scalar(db, "SELECT extract(epoch FROM min(started_at)) * 1000" + mine);
    const double lastMs = scalar(db, "SELECT extract(epoch FROM max(finished_at)) * 1000" + mine);
    const double completed = scalar(db, "SELECT count(*)" + mine + " AND status = 'completed'");
    // Exactly once: completed, one attempt counted, one attempt row.
    const double notOnce = scalar(
        db, "SELECT count(*)" + mine +
                " AND (status <> 'completed' OR attempts <> 1 OR (SELECT count(*) FROM attempts a "
                "WHERE a.image_id = images.id) <> 1)");
    const double perJob = 1e6 / qMax(1.0, completed);
    const QJsonObject out{
        {QStringLiteral("engines"), engines},
        {QStringLiteral("jobs"), jobs},
        {QStringLiteral("submit_jobs_per_s"), jobs / submitS},
        {QStringLiteral("completed"), completed},
        {QStringLiteral("not_once"), notOnce},
        {QStringLiteral("engines_exited_badly"), exitedBadly},
        {QStringLiteral("wall_s_from_first_start"), wallS},
        {QStringLiteral("jobs_per_s"), completed / ((lastMs - firstMs) / 1000.0)},
        {QStringLiteral("claims"), claims},
        {QStringLiteral("empty_claims"), emptyClaims},
        {QStringLiteral("redis_cpu_us_per_job"), (after.redis - before.redis) * perJob},
        {QStringLiteral("postgres_cpu_us_per_job"), (after.postgres - before.postgres) * perJob},
        {QStringLiteral("engines_cpu_us_per_job"), enginesCpu * perJob},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return exitedBadly == 0 && notOnce == 0 ? 0 : 1;
}
