#pragma once

// Helpers shared by the inference tests (header-only: each test is one executable built from
// one .cpp by the loop in tests/CMakeLists.txt).

#include "pipeline/pipelinerunner.h"
#include "pixelnest/enginemetrics.h"
#include "pixelnest/pipelines.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRectF>
#include <QTemporaryFile>
#include <QThreadPool>
#include <QtTest>

#include <vector>

namespace pixelnest::testing
{

// The converted models: `packaging/models/build_models.sh <build dir>/models` (scripts/setup
// runs it for build/).
inline QString modelsDir()
{
    return qEnvironmentVariable("PIXELNEST_BUILD_DIR") + QStringLiteral("/models");
}

inline QString referencePath()
{
    return qEnvironmentVariable("PIXELNEST_SOURCE_DIR") +
           QStringLiteral("/packaging/models/reference/reference.json");
}

inline QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QString samplePath(const QString& file)
{
    return modelsDir() + QStringLiteral("/samples/") + file;
}

inline QJsonArray referencePhotos()
{
    return QJsonDocument::fromJson(readAll(referencePath()))
        .object()
        .value(QStringLiteral("photos"))
        .toArray();
}

// Decoded as the engine does (EXIF orientation applied).
inline QImage decoded(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    return reader.read();
}

inline QByteArray encoded(const QImage& image, const char* format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    return writer.write(image) ? bytes : QByteArray();
}

struct TestImage
{
    QString title;
    QString format;
    QByteArray bytes;
};

// Runs every image through `pipeline` at once on `threads` pool threads, as the engine's
// dispatcher does (one PipelineRunner::run per job), and returns the outcomes in input order.
inline std::vector<engine::JobOutcome> runJobs(const PipelineRegistry& registry,
                                               const QString& pipeline,
                                               const QList<TestImage>& images, int threads)
{
    EngineMetrics metrics;
    const engine::PipelineRunner runner(registry, engine::RetryPolicy{}, metrics);
    std::vector<engine::JobOutcome> outcomes(size_t(images.size()));
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    for (int i = 0; i < images.size(); ++i) {
        pool.start([&, i] {
            engine::ClaimedJob job;
            job.id = i + 1;
            job.attempt = 1;
            job.attemptInRound = 1;
            job.pipeline = pipeline;
            job.title = images[i].title;
            job.format = images[i].format;
            job.bytes = images[i].bytes;
            outcomes[size_t(i)] = runner.run(job);
        });
    }
    pool.waitForDone();
    return outcomes;
}

// Runs `code` with Debian's python, which has torch (a python earlier on PATH may not). From a
// file, not `-c`: torch.jit.script needs the source of what it compiles. Returns "" or why not.
inline QString runPython(const QString& code, const QStringList& args = {})
{
    QTemporaryFile script(QDir::tempPath() + QStringLiteral("/pixelnest-XXXXXX.py"));
    if (!script.open() || script.write(code.toUtf8()) < 0 || !script.flush()) {
        return QStringLiteral("cannot write a python script to %1").arg(QDir::tempPath());
    }
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(QStringLiteral("/usr/bin/python3"), QStringList{script.fileName()} + args);
    if (!python.waitForFinished(120'000) || python.exitCode() != 0) {
        return QStringLiteral("python failed: ") + QString::fromUtf8(python.readAll());
    }
    return {};
}

inline QList<QRectF> faceBoxes(const QJsonObject& result)
{
    QList<QRectF> boxes;
    for (const QJsonValue& face : result.value(QStringLiteral("faces")).toArray()) {
        const QJsonObject b = face.toObject().value(QStringLiteral("box")).toObject();
        boxes.append(QRectF(b.value(QStringLiteral("x")).toDouble(),
                            b.value(QStringLiteral("y")).toDouble(),
                            b.value(QStringLiteral("width")).toDouble(),
                            b.value(QStringLiteral("height")).toDouble()));
    }
    return boxes;
}

inline double iou(const QRectF& a, const QRectF& b)
{
    const QRectF overlap = a.intersected(b);
    const double inter = overlap.width() * overlap.height();
    const double uni = a.width() * a.height() + b.width() * b.height() - inter;
    return uni > 0 ? inter / uni : 0.0;
}

// The best IoU of `box` with any of `others`.
inline double bestIou(const QRectF& box, const QList<QRectF>& others)
{
    double best = 0;
    for (const QRectF& other : others) {
        best = std::max(best, iou(box, other));
    }
    return best;
}

} // namespace pixelnest::testing
