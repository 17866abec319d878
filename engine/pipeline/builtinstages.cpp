#include "pipeline/builtinstages.h"

#include "image/exifreader.h"

#include <QBuffer>
#include <QJsonArray>

namespace pixelnest::engine
{

Result<void> ByteCountStage::process(StageContext& context)
{
    context.result.insert(QStringLiteral("bytes"), qint64(context.bytes.size()));
    return {};
}

Result<void> DecodeStage::process(StageContext& context)
{
    const QString label = QStringLiteral("Image %1 '%2'").arg(context.jobId).arg(context.title);
    QStringList warnings;
    Result<QImage> decoded = decodeImage(context.bytes, label, m_limits, &warnings);
    if (!decoded) {
        return decoded.error();
    }
    if (!warnings.isEmpty()) {
        context.result.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    }
    context.image = std::move(decoded).value();
    context.result.insert(QStringLiteral("image"),
                          QJsonObject{{QStringLiteral("width"), context.image.width()},
                                      {QStringLiteral("height"), context.image.height()},
                                      {QStringLiteral("format"), context.format}});
    return {};
}

Result<void> MetadataStage::process(StageContext& context)
{
    QString problem;
    const QJsonObject exif = readCameraMetadata(context.bytes, &problem);
    context.result.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("exif"), exif}});
    if (!problem.isEmpty()) {
        QJsonArray warnings = context.result.value(QStringLiteral("warnings")).toArray();
        warnings.append(problem);
        context.result.insert(QStringLiteral("warnings"), warnings);
    }
    return {};
}

Result<void> ThumbnailStage::process(StageContext& context)
{
    if (context.image.isNull()) {
        return makeError(Service::Input, ErrorCode::Internal,
                         QStringLiteral("thumbnail needs a decoded image"));
    }
    const QImage small =
        context.image.width() <= kEdge && context.image.height() <= kEdge
            ? context.image
            : context.image.scaled(kEdge, kEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QBuffer buffer(&context.thumbnail);
    buffer.open(QIODevice::WriteOnly);
    const bool alpha = small.hasAlphaChannel();
    if (!small.save(&buffer, alpha ? "PNG" : "JPEG", alpha ? -1 : 85)) {
        return makeError(Service::Input, ErrorCode::Internal,
                         QStringLiteral("thumbnail could not be encoded"));
    }
    return {};
}

} // namespace pixelnest::engine
