#pragma once

#include "pixelnest/stage.h"

#include <QRect>

namespace pixelnest::engine
{

// Writes `context.anonymised`: the decoded image with every face of result["faces"] made
// unrecognisable, encoded as JPEG (PNG when the image has alpha), for the GUI and
// `pixelnest show ID --export-anonymised FILE`. Runs after the face detector.
//
// Each box, grown by a margin so hairline and chin go too, is reduced to a coarse grid and
// scaled back smoothly: a strong blur whose detail is gone from the pixels (unlike a Gaussian of
// small radius, it cannot be sharpened back).
class AnonymiseStage final : public Stage
{
public:
    static constexpr int kCells = 4;        // grid cells along the box's shorter side
    static constexpr double kMargin = 0.25; // of the box size, on every side
    static constexpr int kJpegQuality = 90;

    QString name() const override { return QStringLiteral("anonymise"); }
    Result<void> process(StageContext& context) override;

    // The blur itself, for tests and tools: boxes in image pixels.
    static QImage anonymised(const QImage& image, const QList<QRectF>& faces);

private:
    static void blur(QImage& image, const QRect& area);
};

} // namespace pixelnest::engine
