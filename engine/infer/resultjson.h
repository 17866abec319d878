#pragma once

#include "infer/modelmanifest.h"
#include "infer/modeloutput.h"

#include <QJsonValue>
#include <QSize>

namespace pixelnest::engine::resultjson
{

// A detector's rows (x1, y1, x2, y2, score[, class]) normalised 0..1 (of the zero-padded square
// when the manifest pads) -> [{"score", "box": {"x", "y", "width", "height"}}] in original-image
// pixels, the box clamped to the image. Errors (a wrongly shaped output) are ErrorCode::Internal.
Result<QJsonValue> detections(const ModelOutput& output, const ModelManifest& manifest,
                              QSize image);

// A classifier's probabilities -> {"label": top-1, "scores": {label: p, ...}}.
Result<QJsonValue> classification(const ModelOutput& output, const ModelManifest& manifest);

} // namespace pixelnest::engine::resultjson
