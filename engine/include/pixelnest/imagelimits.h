#pragma once

#include "pixelnest/result.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>

namespace pixelnest
{

// What an upload may be. Checked before anything is stored, and again at decode time.
struct ImageLimits
{
    qint64 maxBytes = 64LL * 1024 * 1024;
    qint64 maxPixels = 256LL * 1000 * 1000;
    int decodeAllocationLimitMb = 1024; // QImageReader::setAllocationLimit
    // An engine's memory budget: an image whose decoded pixels and one working copy (4 bytes a
    // pixel each) would not fit fails before anything is allocated. 0: no such check.
    qint64 decodeBudgetBytes = 0;
};

struct ImageFacts
{
    QString format; // sniffed from the content ("jpeg", "png", "webp", ...)
    int width = 0;
    int height = 0;
};

// Size, format by content (never by file name, and only JPEG, PNG, WebP, GIF, BMP or TIFF)
// and pixel count from the header, without decoding. `name` only labels the message. Errors are
// ErrorCode::InvalidInput.
Result<ImageFacts> inspectImage(const QByteArray& bytes, const QString& name,
                                const ImageLimits& limits = {});

// Full decode honouring EXIF orientation and the allocation limit. Data the decoder reports as
// truncated or corrupt is an error ("truncated image data"), never a silently grey image; the
// decoder's other warnings are added to `warnings` when given.
Result<QImage> decodeImage(const QByteArray& bytes, const QString& name,
                           const ImageLimits& limits = {}, QStringList* warnings = nullptr);

} // namespace pixelnest
