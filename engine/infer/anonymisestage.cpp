#include "infer/anonymisestage.h"

#include <QBuffer>
#include <QJsonArray>

#include <cstring>

namespace pixelnest::engine
{

void AnonymiseStage::blur(QImage& image, const QRect& area)
{
    const int cellsShort = kCells;
    const int edge = std::max(1, std::min(area.width(), area.height()) / cellsShort);
    const QSize coarse(std::max(1, area.width() / edge), std::max(1, area.height() / edge));
    const QImage smooth = image.copy(area)
                              .scaled(coarse, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .scaled(area.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .convertToFormat(image.format());
    // Row copies, not QPainter: engine threads run without a QGuiApplication.
    const size_t bytes = size_t(area.width()) * 4;
    for (int y = 0; y < area.height(); ++y) {
        std::memcpy(image.scanLine(area.y() + y) + size_t(area.x()) * 4, smooth.constScanLine(y),
                    bytes);
    }
}

QImage AnonymiseStage::anonymised(const QImage& image, const QList<QRectF>& faces)
{
    QImage out = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32
                                                               : QImage::Format_RGB32);
    for (const QRectF& face : faces) {
        const double dx = face.width() * kMargin;
        const double dy = face.height() * kMargin;
        const QRect area = face.adjusted(-dx, -dy, dx, dy).toAlignedRect() & out.rect();
        if (!area.isEmpty()) {
            blur(out, area);
        }
    }
    return out;
}

Result<void> AnonymiseStage::process(StageContext& context)
{
    if (context.image.isNull()) {
        return makeError(Service::Model, ErrorCode::Internal,
                         QStringLiteral("anonymise needs a decoded image"));
    }
    QList<QRectF> faces;
    for (const QJsonValue& face : context.result.value(QStringLiteral("faces")).toArray()) {
        const QJsonObject box = face.toObject().value(QStringLiteral("box")).toObject();
        faces.append(QRectF(box.value(QStringLiteral("x")).toDouble(),
                            box.value(QStringLiteral("y")).toDouble(),
                            box.value(QStringLiteral("width")).toDouble(),
                            box.value(QStringLiteral("height")).toDouble()));
    }
    const QImage out = anonymised(context.image, faces);
    context.anonymised.clear();
    QBuffer buffer(&context.anonymised);
    buffer.open(QIODevice::WriteOnly);
    const bool alpha = out.hasAlphaChannel();
    if (!out.save(&buffer, alpha ? "PNG" : "JPEG", alpha ? -1 : kJpegQuality)) {
        return makeError(Service::Model, ErrorCode::Internal,
                         QStringLiteral("the anonymised copy could not be encoded"));
    }
    return {};
}

} // namespace pixelnest::engine
