// Queue benchmark driver (not a test): measures Pixelnest end to end against the servers in
// PIXELNEST_POSTGRES / PIXELNEST_REDIS with a real `pixelnest --engine-only` process.
//   bench_queue throughput PIXELNEST_BINARY JOBS   JOBS noop jobs through one engine
//   bench_queue latency PIXELNEST_BINARY RATE SECONDS   a light steady load, one job per 1/RATE s
//     (after one uncounted second of it: the warm-up)
// Prints one JSON object. bench/run_queue_bench.sh runs both beside the Celery peer.
#include "benchsupport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace pixelnest;
using namespace pixelnest::bench;

namespace
{

// About the size of the peer's generated photos (~19 KB JPEG).
QByteArray photoLikeJpeg(int seed)
{
    QImage image(320, 240, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            image.setPixel(
                x, y,
                qRgb((x * 7 + seed) & 255, (y * 5 + x * x / 50) & 255, ((x ^ y) * 3 + seed) & 255));
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return bytes;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty()) {
        return 0;
    }
    const double rank = (values.size() - 1) * p / 100.0;
    const int low = int(rank);
    const int high = qMin(low + 1, int(values.size() - 1));
    return values[low] + (values[high] - values[low]) * (rank - low);
}

int throughput(AdminClient& admin, engine::PgConnection& db, const QString& binary, int jobs)
{
    // Only this run's jobs count: the database may already hold others (a million finished
    // rows in bench/million_rows_throughput.sh).
    const QByteArray mine =
        " FROM images WHERE id > " +
        QByteArray::number(qint64(scalar(db, "SELECT coalesce(max(id), 0) FROM images")));
    QList<ImageUpload> uploads;
    for (int i = 0; i < jobs; ++i) {
        uploads.append(
            {QStringLiteral("bench-%1").arg(i), photoLikeJpeg(i % 97), 0, QStringLiteral("noop")});
        if (uploads.size() == 500 || i + 1 == jobs) {
            if (Result<SubmitReport> sent = admin.submit(uploads); !sent) {
                return fail(sent.error().message);
            }
            uploads.clear();
        }
    }
    QProcess engine;
    engine.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    engine.start(binary, {QStringLiteral("--engine-only"), QStringLiteral("--exit-when-idle"),
                          QStringLiteral("--batch-size"),
                          qEnvironmentVariable("BENCH_BATCH", QStringLiteral("128"))});
    qint64 peakKb = 0;
    while (!engine.waitForFinished(100)) {
        peakKb = qMax(peakKb, peakRssKb(engine.processId())); // VmHWM while it lives
    }
    const double firstMs = scalar(db, "SELECT extract(epoch FROM min(started_at)) * 1000" + mine);
    const double lastMs = scalar(db, "SELECT extract(epoch FROM max(finished_at)) * 1000" + mine);
    const double completed = scalar(db, "SELECT count(*)" + mine + " AND status = 'completed'");
    const double wallS = (lastMs - double(startMs)) / 1000.0;
    const QJsonObject out{{QStringLiteral("jobs"), jobs},
                          {QStringLiteral("completed"), completed},
                          {QStringLiteral("wall_s_from_engine_start"), wallS},
                          {QStringLiteral("jobs_per_s"), completed / wallS},
                          {QStringLiteral("jobs_per_s_first_claim_to_last"),
                           completed / ((lastMs - firstMs) / 1000.0)},
                          {QStringLiteral("engine_peak_rss_mb"), double(peakKb) / 1024.0}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}

int latency(AdminClient& admin, engine::PgConnection& db, const QString& binary, int rate,
            int seconds)
{
    QProcess engine;
    engine.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    engine.start(binary, {QStringLiteral("--engine-only")});
    // Made before the clock starts: drawing and encoding a photo takes milliseconds of the same
    // two cores that the engine, PostgreSQL and Redis share, and it is not what is measured.
    QList<QByteArray> photos;
    for (int seed = 0; seed < 97; ++seed) {
        photos.append(photoLikeJpeg(seed));
    }
    QThread::msleep(1500); // started and idle, as in production
    // One second of the same load first, not counted: the first jobs of a fresh engine and
    // client prepare their statements and warm their caches (the first three took 9-36 ms).
    for (int i = 0; i < rate; ++i) {
        if (!admin.submit(
                {{QStringLiteral("warm-%1").arg(i), photos[i % 97], 0, QStringLiteral("noop")}})) {
            return fail(QStringLiteral("warm-up submit failed"));
        }
        QThread::msleep(ulong(1000 / rate));
    }
    const int jobs = rate * seconds;
    QElapsedTimer clock;
    clock.start();
    // The submit call alone: PostgreSQL's insert and commit, Redis's enqueue.
    QList<double> submitMs;
    for (int i = 0; i < jobs; ++i) {
        const qint64 due = qint64(i) * 1000 / rate;
        if (clock.elapsed() < due) {
            QThread::msleep(ulong(due - clock.elapsed()));
        }
        QElapsedTimer submitting;
        submitting.start();
        if (Result<SubmitReport> sent = admin.submit(
                {{QStringLiteral("lat-%1").arg(i), photos[i % 97], 0, QStringLiteral("noop")}});
            !sent) {
            return fail(sent.error().message);
        }
        submitMs.append(double(submitting.nsecsElapsed()) / 1e6);
    }
    QElapsedTimer wait;
    wait.start();
    while (scalar(db, "SELECT count(*) FROM images WHERE status <> 'completed'") > 0 &&
           !wait.hasExpired(60'000)) {
        QThread::msleep(100);
    }
    engine.terminate();
    engine.waitForFinished(30'000);
    const Result<engine::PgResult> rows =
        db.exec("SELECT extract(epoch FROM finished_at - created_at) * 1000 FROM images "
                "WHERE status = 'completed' AND title LIKE 'lat-%'");
    QList<double> ms;
    for (int row = 0; rows && row < rows->rows(); ++row) {
        ms.append(rows->bytes(row, 0).toDouble());
    }
    const QJsonObject out{{QStringLiteral("n"), int(ms.size())},
                          {QStringLiteral("p50_ms"), percentile(ms, 50)},
                          {QStringLiteral("p95_ms"), percentile(ms, 95)},
                          {QStringLiteral("p99_ms"), percentile(ms, 99)},
                          {QStringLiteral("max_ms"), percentile(ms, 100)},
                          {QStringLiteral("submit_p50_ms"), percentile(submitMs, 50)},
                          {QStringLiteral("submit_p99_ms"), percentile(submitMs, 99)}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        return fail(QStringLiteral("usage: bench_queue throughput BINARY JOBS | latency BINARY "
                                   "RATE SECONDS"));
    }
    const ConnectionConfig connections = connectionsFromEnvironment();
    Result<std::unique_ptr<AdminClient>> admin = AdminClient::connect(connections);
    engine::PgConnection db;
    if (!admin || !db.open(connections.postgres)) {
        return fail(QStringLiteral("cannot connect: set PIXELNEST_POSTGRES and PIXELNEST_REDIS"));
    }
    if (args[1] == QLatin1String("throughput")) {
        return throughput(*admin.value(), db, args[2], args[3].toInt());
    }
    return latency(*admin.value(), db, args[2], args[3].toInt(),
                   args.value(4, QStringLiteral("10")).toInt());
}
