#pragma once

#include "pixelnest/result.h"

#include <QByteArray>
#include <QImage>
#include <QString>

namespace pixelnest
{

// What an upload may be. Checked before anything is stored, and again at decode time.
struct ImageLimits
{
    qint64 maxBytes = 64LL * 1024 * 1024;
    qint64 maxPixels = 256LL * 1000 * 1000;
    int decodeAllocationLimitMb = 1024; // QImageReader::setAllocationLimit
};

struct ImageFacts
{
    QString format; // sniffed from the content ("jpeg", "png", "webp", ...)
    int width = 0;
    int height = 0;
};

// Size, format by content (never by file name) and pixel count from the header, without
// decoding. `name` only labels the message. Errors are ErrorCode::InvalidInput.
Result<ImageFacts> inspectImage(const QByteArray& bytes, const QString& name,
                                const ImageLimits& limits = {});

// Full decode honouring EXIF orientation and the allocation limit.
Result<QImage> decodeImage(const QByteArray& bytes, const QString& name,
                           const ImageLimits& limits = {});

} // namespace pixelnest
