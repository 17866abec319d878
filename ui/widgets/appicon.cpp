#include "widgets/appicon.h"

#include <QPainter>
#include <QPainterPath>

namespace pixelnest::ui
{

namespace
{

QPixmap drawIcon(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 128.0, size / 128.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x2b, 0x5f, 0x8a));
    painter.drawRoundedRect(QRectF(8, 8, 112, 112), 22, 22);
    const QColor gold(0xf2, 0xc9, 0x4c);
    for (int row = 0; row < 2; ++row) {
        for (int column = 0; column < 3; ++column) {
            painter.setBrush((row + column) % 2 == 0 ? gold : QColor(Qt::white));
            painter.drawRoundedRect(QRectF(28 + 26 * column, 28 + 26 * row, 20, 20), 3, 3);
        }
    }
    QPainterPath smile(QPointF(26, 86));
    smile.quadTo(QPointF(64, 112), QPointF(102, 86));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Qt::white, 8, Qt::SolidLine, Qt::RoundCap));
    painter.drawPath(smile);
    return pixmap;
}

} // namespace

QIcon appIcon()
{
    static const QIcon icon = [] {
        QIcon made;
        for (int size : {16, 32, 64, 128}) {
            made.addPixmap(drawIcon(size));
        }
        return made;
    }();
    return icon;
}

} // namespace pixelnest::ui
