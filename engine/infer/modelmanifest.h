#pragma once

#include "pixelnest/result.h"

#include <QString>
#include <QStringList>

#include <array>

namespace pixelnest::engine
{

enum class ModelTask
{
    Detect,   // rows (x1, y1, x2, y2, score) per image, normalised 0..1
    Classify, // one probability per label per image
};

enum class ResizeMethod
{
    TfLegacyBilinear,     // tfjs resizeBilinear, align_corners = false: ratio = in / out
    BilinearAlignCorners, // tfjs resizeBilinear, align_corners = true: ratio = (in-1) / (out-1)
};

// The manifest's "input" object: everything the C++ preprocessing needs.
struct InputSpec
{
    int width = 0;
    int height = 0;
    bool bgr = false; // channel_order "BGR"; "RGB" otherwise
    bool padToSquare = false;
    ResizeMethod resize = ResizeMethod::TfLegacyBilinear;
    float scale = 1.0f;
    std::array<float, 3> mean{0.0f, 0.0f, 0.0f};
    std::array<float, 3> std{1.0f, 1.0f, 1.0f};

    qint64 elements() const { return 3LL * width * height; }
};

// `<repo>/<model>/model.json`, validated. Unknown keys are ignored so that a newer converter's
// manifest still loads; a missing or wrong required key is an error naming the key and the file.
struct ModelManifest
{
    QString name;
    ModelTask task = ModelTask::Classify;
    QString version;
    InputSpec input;
    QStringList labels;
    double scoreThreshold = 0.0;
    double nmsIou = 0.0; // descriptive: NMS runs inside the module
    int maxDetections = 100;
    int maxBatchSize = 1;
    QString resultKey; // where the output goes in the result JSON; the name when absent
    QString licence;

    static Result<ModelManifest> load(const QString& path);
    static Result<ModelManifest> parse(const QByteArray& json, const QString& path);
};

} // namespace pixelnest::engine
