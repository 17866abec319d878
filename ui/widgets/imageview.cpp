#include "widgets/imageview.h"

#include <QJsonArray>
#include <QPainter>

namespace pixelnest::ui
{

QList<FaceBox> facesFromResult(const QJsonObject& result)
{
    QList<FaceBox> faces;
    for (const QJsonValue& value : result.value(QStringLiteral("faces")).toArray()) {
        const QJsonObject face = value.toObject();
        const QJsonObject box = face.value(QStringLiteral("box")).toObject();
        faces.append({QRectF(box.value(QStringLiteral("x")).toDouble(),
                             box.value(QStringLiteral("y")).toDouble(),
                             box.value(QStringLiteral("width")).toDouble(),
                             box.value(QStringLiteral("height")).toDouble()),
                      face.value(QStringLiteral("score")).toDouble()});
    }
    return faces;
}

ImageView::ImageView(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Image"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ImageView::setImage(const QImage& image, const QSize& originalSize)
{
    m_image = image;
    m_originalSize = originalSize.isValid() ? originalSize : image.size();
    m_message.clear();
    update();
}

void ImageView::setFaces(const QList<FaceBox>& faces)
{
    m_faces = faces;
    setAccessibleDescription(tr("%n face(s) detected", "", int(faces.size())));
    update();
}

void ImageView::setMessage(const QString& message)
{
    m_image = QImage();
    m_message = message;
    update();
}

void ImageView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QSizeF fitted = QSizeF(m_image.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    const QRectF target((width() - fitted.width()) / 2, (height() - fitted.height()) / 2,
                        fitted.width(), fitted.height());
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_image);
    paintFaces(painter, target);
}

void ImageView::paintFaces(QPainter& painter, const QRectF& target) const
{
    if (m_faces.isEmpty() || m_originalSize.isEmpty()) {
        return;
    }
    const double sx = target.width() / m_originalSize.width();
    const double sy = target.height() / m_originalSize.height();
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor box(0xff, 0xd0, 0x2a); // reads on photos, light or dark
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    for (const FaceBox& face : m_faces) {
        const QRectF mapped(target.x() + face.box.x() * sx, target.y() + face.box.y() * sy,
                            face.box.width() * sx, face.box.height() * sy);
        painter.setPen(QPen(box, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(mapped);
        const QString label = QString::number(face.score * 100, 'f', 1) + QLatin1Char('%');
        QRectF tag(mapped.left() - 1, mapped.top() - metrics.height() - 2,
                   metrics.horizontalAdvance(label) + 8, metrics.height() + 2);
        if (tag.top() < target.top()) {
            tag.moveTop(mapped.top()); // inside the box when there is no room above
        }
        painter.fillRect(tag, box);
        painter.setPen(Qt::black);
        painter.drawText(tag, Qt::AlignCenter, label);
    }
}

} // namespace pixelnest::ui
