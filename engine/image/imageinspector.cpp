#include "pixelnest/imagelimits.h"

#include "image/decodewarnings.h"

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

// The formats the product accepts (DESIGN.md), by content. Any other plugin Qt happens to
// have installed (MNG, TGA, ICNS, XPM, PBM, …) is more decoder surface for no user.
const QList<QByteArray> kAccepted{"jpeg", "png", "webp", "gif", "bmp", "tiff"};

// The accepted formats that the installed image plugins read.
QString supportedFormats()
{
    QStringList names;
    const QList<QByteArray> installed = QImageReader::supportedImageFormats();
    for (const QByteArray& format : kAccepted) {
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
    if (!kAccepted.contains(format)) {
        return invalid(name, QStringLiteral("%1 images are not accepted (accepted: %2)")
                                 .arg(QString::fromLatin1(format.toUpper()), supportedFormats()));
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

Result<QImage> decodeImage(const QByteArray& bytes, const QString& name, const ImageLimits& limits,
                           QStringList* warnings)
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
    const qint64 needed = 2 * 4 * qint64(facts->width) * facts->height;
    if (limits.decodeBudgetBytes > 0 && needed > limits.decodeBudgetBytes) {
        return invalid(name, QStringLiteral("%1 is %2×%3 pixels: decoding it needs %4, over this "
                                            "engine's memory budget of %5 (--memory-budget)")
                                 .arg(facts->format.toUpper())
                                 .arg(facts->width)
                                 .arg(facts->height)
                                 .arg(megabytes(needed), megabytes(limits.decodeBudgetBytes)));
    }
    const int budgetMb = limits.decodeBudgetBytes > 0
                             ? int(limits.decodeBudgetBytes / (1024 * 1024))
                             : limits.decodeAllocationLimitMb;
    QImageReader::setAllocationLimit(qMin(limits.decodeAllocationLimitMb, qMax(1, budgetMb)));
    const engine::DecodeWarnings said;
    QImage image = reader.read();
    if (image.isNull()) {
        return invalid(name, QStringLiteral("%1 could not be decoded: %2")
                                 .arg(facts->format.toUpper(), reader.errorString()));
    }
    // A decoder that fills what is missing with grey still returns an image: the job would
    // "complete" with wrong results.
    if (said.dataDamaged()) {
        return invalid(
            name, QStringLiteral("truncated image data (%1 decoder: %2)")
                      .arg(facts->format.toUpper(), said.messages().join(QStringLiteral("; "))));
    }
    if (warnings != nullptr) {
        *warnings += said.messages();
    }
    return image;
}

} // namespace pixelnest
