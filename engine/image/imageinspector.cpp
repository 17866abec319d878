#include "pixelnest/imagelimits.h"

#include <QBuffer>
#include <QImageReader>

namespace pixelnest
{

namespace
{

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

// The formats people upload, of those the installed image plugins read.
QString supportedFormats()
{
    QStringList names;
    const QList<QByteArray> installed = QImageReader::supportedImageFormats();
    for (const char* format : {"jpeg", "png", "webp", "gif", "bmp", "tiff"}) {
        if (installed.contains(format)) {
            names.append(QString::fromLatin1(format).toUpper());
        }
    }
    return names.join(QStringLiteral(", "));
}

Error invalid(const QString& name, const QString& why)
{
    return makeError(Service::Input, ErrorCode::InvalidInput,
                     QStringLiteral("'%1': %2").arg(name, why));
}

} // namespace

Result<ImageFacts> inspectImage(const QByteArray& bytes, const QString& name,
                                const ImageLimits& limits)
{
    if (bytes.isEmpty()) {
        return invalid(name, QStringLiteral("the file is empty"));
    }
    if (bytes.size() > limits.maxBytes) {
        return invalid(name, QStringLiteral("%1, over the %2 upload limit")
                                 .arg(megabytes(bytes.size()), megabytes(limits.maxBytes)));
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    if (format.isEmpty()) {
        return invalid(name, QStringLiteral("not an image Pixelnest can read (by its content; "
                                            "supported: %1)")
                                 .arg(supportedFormats()));
    }
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty()) {
        return invalid(name, QStringLiteral("%1 header is corrupt: no valid image size")
                                 .arg(QString::fromLatin1(format.toUpper())));
    }
    const qint64 pixels = qint64(size.width()) * size.height();
    if (pixels > limits.maxPixels) {
        return invalid(name, QStringLiteral("%1 is %2×%3 pixels, over the %4-megapixel limit")
                                 .arg(QString::fromLatin1(format.toUpper()))
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(double(limits.maxPixels) / 1e6, 0, 'g', 4));
    }
    return ImageFacts{QString::fromLatin1(format), size.width(), size.height()};
}

Result<QImage> decodeImage(const QByteArray& bytes, const QString& name, const ImageLimits& limits)
{
    const Result<ImageFacts> facts = inspectImage(bytes, name, limits);
    if (!facts) {
        return facts.error();
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true); // EXIF orientation, as the photographer saw it
    QImageReader::setAllocationLimit(limits.decodeAllocationLimitMb);
    QImage image = reader.read();
    if (image.isNull()) {
        return invalid(name, QStringLiteral("%1 could not be decoded: %2")
                                 .arg(facts->format.toUpper(), reader.errorString()));
    }
    return image;
}

} // namespace pixelnest
