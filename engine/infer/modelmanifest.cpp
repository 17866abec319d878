#include "infer/modelmanifest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pixelnest::engine
{

namespace
{

// Every manifest problem is a model problem, not the image's: the job is retried (transient)
// while the operator fixes the repository, and readiness says what to fix.
Error invalid(const QString& path, const QString& why)
{
    return makeError(Service::Model, ErrorCode::Unavailable,
                     QStringLiteral("%1: %2").arg(path, why));
}

Result<std::array<float, 3>> triple(const QJsonObject& input, const QString& key,
                                    const QString& path)
{
    const QJsonArray values = input.value(key).toArray();
    if (values.size() != 3) {
        return invalid(path,
                       QStringLiteral("input.%1 must list 3 numbers (one per channel)").arg(key));
    }
    std::array<float, 3> out{};
    for (int c = 0; c < 3; ++c) {
        if (!values.at(c).isDouble()) {
            return invalid(path, QStringLiteral("input.%1[%2] is not a number").arg(key).arg(c));
        }
        out[c] = float(values.at(c).toDouble());
    }
    return out;
}

Result<InputSpec> parseInput(const QJsonObject& input, const QString& path)
{
    InputSpec spec;
    spec.width = input.value(QStringLiteral("width")).toInt();
    spec.height = input.value(QStringLiteral("height")).toInt();
    if (spec.width < 1 || spec.height < 1 || spec.width > 4096 || spec.height > 4096) {
        return invalid(path, QStringLiteral("input.width and input.height must be 1..4096"));
    }
    const QString order =
        input.value(QStringLiteral("channel_order")).toString(QStringLiteral("RGB"));
    if (order != QLatin1String("RGB") && order != QLatin1String("BGR")) {
        return invalid(path,
                       QStringLiteral("input.channel_order '%1' is not RGB or BGR").arg(order));
    }
    spec.bgr = order == QLatin1String("BGR");
    const QString layout = input.value(QStringLiteral("layout")).toString(QStringLiteral("NCHW"));
    if (layout != QLatin1String("NCHW")) {
        return invalid(
            path, QStringLiteral("input.layout '%1' is not supported (NCHW only)").arg(layout));
    }
    spec.padToSquare = input.value(QStringLiteral("pad_to_square")).toBool(false);
    const QString resize = input.value(QStringLiteral("resize")).toString();
    if (resize == QLatin1String("tf_legacy_bilinear")) {
        spec.resize = ResizeMethod::TfLegacyBilinear;
    } else if (resize == QLatin1String("bilinear_align_corners")) {
        spec.resize = ResizeMethod::BilinearAlignCorners;
    } else {
        return invalid(path, QStringLiteral("input.resize '%1' is unknown (tf_legacy_bilinear or "
                                            "bilinear_align_corners)")
                                 .arg(resize));
    }
    spec.scale = float(input.value(QStringLiteral("scale")).toDouble(1.0));
    Result<std::array<float, 3>> mean = triple(input, QStringLiteral("mean"), path);
    Result<std::array<float, 3>> std = triple(input, QStringLiteral("std"), path);
    if (!mean || !std) {
        return mean ? std.error() : mean.error();
    }
    spec.mean = mean.value();
    spec.std = std.value();
    for (float s : spec.std) {
        if (s == 0.0f) {
            return invalid(path, QStringLiteral("input.std must not contain 0"));
        }
    }
    return spec;
}

Result<ModelTask> parseTask(const QString& task, const QString& path)
{
    if (task == QLatin1String("detect")) {
        return ModelTask::Detect;
    }
    if (task == QLatin1String("classify")) {
        return ModelTask::Classify;
    }
    return invalid(path, QStringLiteral("task '%1' is not detect or classify").arg(task));
}

} // namespace

Result<ModelManifest> ModelManifest::load(const QString& path)
{
    QFile file(path);
    if (!file.exists()) {
        return makeError(Service::Model, ErrorCode::Unavailable,
                         QStringLiteral("%1 missing").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return invalid(path, QStringLiteral("cannot be read: %1").arg(file.errorString()));
    }
    return parse(file.readAll(), path);
}

Result<ModelManifest> ModelManifest::parse(const QByteArray& json, const QString& path)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject()) {
        return invalid(path, QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
    }
    const QJsonObject root = document.object();
    ModelManifest manifest;
    manifest.name = root.value(QStringLiteral("name")).toString();
    if (manifest.name.isEmpty()) {
        return invalid(path, QStringLiteral("\"name\" is missing"));
    }
    Result<ModelTask> task = parseTask(root.value(QStringLiteral("task")).toString(), path);
    if (!task) {
        return task.error();
    }
    manifest.task = task.value();
    Result<InputSpec> input = parseInput(root.value(QStringLiteral("input")).toObject(), path);
    if (!input) {
        return input.error();
    }
    manifest.input = input.value();
    manifest.version =
        root.value(QStringLiteral("version")).toString(QStringLiteral("unversioned"));
    for (const QJsonValue& label : root.value(QStringLiteral("labels")).toArray()) {
        manifest.labels.append(label.toString());
    }
    manifest.scoreThreshold = root.value(QStringLiteral("score_threshold")).toDouble(0.0);
    manifest.nmsIou = root.value(QStringLiteral("nms_iou")).toDouble(0.0);
    manifest.maxDetections = root.value(QStringLiteral("max_detections")).toInt(100);
    manifest.maxBatchSize = root.value(QStringLiteral("max_batch_size")).toInt(1);
    if (manifest.maxBatchSize < 1 || manifest.maxBatchSize > 1024) {
        return invalid(path, QStringLiteral("max_batch_size must be 1..1024"));
    }
    manifest.resultKey = root.value(QStringLiteral("result_key")).toString(manifest.name);
    static const QStringList reserved{QStringLiteral("image"), QStringLiteral("model_versions"),
                                      QStringLiteral("timings_ms"), QStringLiteral("device")};
    if (manifest.resultKey.isEmpty() || reserved.contains(manifest.resultKey)) {
        return invalid(path, QStringLiteral("result_key '%1' is empty or reserved (%2)")
                                 .arg(manifest.resultKey, reserved.join(QStringLiteral(", "))));
    }
    manifest.licence = root.value(QStringLiteral("licence")).toString();
    return manifest;
}

} // namespace pixelnest::engine
