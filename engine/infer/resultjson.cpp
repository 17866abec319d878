#include "infer/resultjson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace pixelnest::engine::resultjson
{

namespace
{

// Pixels to 1/1000: float noise in the last digits helps nobody reading the JSON.
double rounded(double value, double unit = 1000.0)
{
    return std::round(value * unit) / unit;
}

Error wrongShape(const ModelManifest& manifest, const QString& expected, const ModelOutput& output)
{
    QStringList sizes;
    for (qint64 size : output.shape) {
        sizes.append(QString::number(size));
    }
    return makeError(Service::Model, ErrorCode::Internal,
                     QStringLiteral("model %1 returned shape [%2] per image; its manifest's task "
                                    "needs %3")
                         .arg(manifest.name, sizes.join(QStringLiteral(", ")), expected));
}

QJsonObject box(const float* row, double sx, double sy, QSize image)
{
    const double x1 = std::clamp(double(row[0]) * sx, 0.0, double(image.width()));
    const double y1 = std::clamp(double(row[1]) * sy, 0.0, double(image.height()));
    const double x2 = std::clamp(double(row[2]) * sx, 0.0, double(image.width()));
    const double y2 = std::clamp(double(row[3]) * sy, 0.0, double(image.height()));
    return QJsonObject{{QStringLiteral("x"), rounded(x1)},
                       {QStringLiteral("y"), rounded(y1)},
                       {QStringLiteral("width"), rounded(x2 - x1)},
                       {QStringLiteral("height"), rounded(y2 - y1)}};
}

} // namespace

Result<QJsonValue> detections(const ModelOutput& output, const ModelManifest& manifest, QSize image)
{
    if (output.shape.size() != 2 || (output.shape[0] > 0 && output.shape[1] < 5)) {
        return wrongShape(manifest, QStringLiteral("[k, 5]: x1, y1, x2, y2, score"), output);
    }
    const qint64 columns = output.shape[1];
    const int side = std::max(image.width(), image.height());
    const double sx = manifest.input.padToSquare ? side : image.width();
    const double sy = manifest.input.padToSquare ? side : image.height();
    QJsonArray faces;
    for (qint64 k = 0; k < output.shape[0] && faces.size() < manifest.maxDetections; ++k) {
        const float* row = output.values.data() + k * columns;
        if (row[4] < manifest.scoreThreshold) {
            continue; // the shipped detector filters itself; a user's may not
        }
        const QJsonObject b = box(row, sx, sy, image);
        if (b.value(QStringLiteral("width")).toDouble() <= 0 ||
            b.value(QStringLiteral("height")).toDouble() <= 0) {
            continue; // entirely in the padding
        }
        QJsonObject face{{QStringLiteral("score"), rounded(row[4], 1e6)},
                         {QStringLiteral("box"), b}};
        const int cls = columns > 5 ? int(row[5]) : -1;
        if (cls >= 0 && cls < manifest.labels.size()) {
            face.insert(QStringLiteral("label"), manifest.labels.at(cls));
        }
        faces.append(face);
    }
    return QJsonValue(faces);
}

Result<QJsonValue> classification(const ModelOutput& output, const ModelManifest& manifest)
{
    const qint64 count = qint64(output.values.size());
    const bool labelled = manifest.labels.isEmpty() || count == manifest.labels.size();
    if (output.shape.size() != 1 || count == 0 || !labelled) {
        return wrongShape(manifest,
                          QStringLiteral("[%1]: one score per label").arg(manifest.labels.size()),
                          output);
    }
    QJsonObject scores;
    qint64 top = 0;
    for (qint64 i = 0; i < count; ++i) {
        const QString label =
            manifest.labels.isEmpty() ? QString::number(i) : manifest.labels.at(int(i));
        scores.insert(label, double(output.values[size_t(i)]));
        if (output.values[size_t(i)] > output.values[size_t(top)]) {
            top = i;
        }
    }
    const QString label =
        manifest.labels.isEmpty() ? QString::number(top) : manifest.labels.at(int(top));
    return QJsonValue(
        QJsonObject{{QStringLiteral("label"), label}, {QStringLiteral("scores"), scores}});
}

} // namespace pixelnest::engine::resultjson
