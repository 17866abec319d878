#pragma once

#include "pixelnest/imagelimits.h"
#include "pixelnest/stage.h"

namespace pixelnest::engine
{

// noop: loads the bytes and counts them (the baseline that measures the queue itself).
class ByteCountStage final : public Stage
{
public:
    QString name() const override { return QStringLiteral("bytes"); }
    Result<void> process(StageContext& context) override;
};

// Decodes with QImageReader (EXIF orientation, allocation limit) and records
// {"image": {"width", "height", "format"}}.
class DecodeStage final : public Stage
{
public:
    explicit DecodeStage(ImageLimits limits) : m_limits(limits) {}
    QString name() const override { return QStringLiteral("decode"); }
    Result<void> process(StageContext& context) override;

private:
    ImageLimits m_limits;
};

// The camera's metadata (EXIF, else XMP) from the original bytes: {"metadata": {"exif": {...}}}
// (image/exifreader.h). Unreadable metadata is a warning, not a failure: the pixels are fine.
class MetadataStage final : public Stage
{
public:
    QString name() const override { return QStringLiteral("metadata"); }
    QString version() const override { return QStringLiteral("exif-1"); }
    Result<void> process(StageContext& context) override;
};

// A JPEG thumbnail (PNG when the image has alpha) fitting in 256×256, for the console.
class ThumbnailStage final : public Stage
{
public:
    static constexpr int kEdge = 256;
    QString name() const override { return QStringLiteral("thumbnail"); }
    Result<void> process(StageContext& context) override;
};

} // namespace pixelnest::engine
