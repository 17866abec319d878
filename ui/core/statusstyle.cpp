#include "core/statusstyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>

namespace pixelnest::ui
{

namespace
{

void drawHourglass(QPainter& painter, const QColor& color)
{
    painter.setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(color.lighter(130));
    const QPolygonF glass{QPointF(4, 2),   QPointF(12, 2), QPointF(8, 8),
                          QPointF(12, 14), QPointF(4, 14), QPointF(8, 8)};
    painter.drawPolygon(glass);
}

void drawCycle(QPainter& painter, const QColor& color)
{
    painter.setPen(QPen(color, 2.0, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    painter.drawArc(QRectF(2.5, 2.5, 11, 11), 90 * 16, 270 * 16);
    painter.setBrush(color);
    painter.setPen(Qt::NoPen);
    painter.drawPolygon(QPolygonF{QPointF(8, 0.5), QPointF(12, 3), QPointF(8, 5.5)});
}

void drawBadge(QPainter& painter, const QColor& color, JobStatus status)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 14, 14));
    painter.setPen(QPen(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (status == JobStatus::Completed) {
        painter.drawPolyline(QPolygonF{QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5)});
    } else {
        painter.drawLine(QPointF(5, 5), QPointF(11, 11));
        painter.drawLine(QPointF(11, 5), QPointF(5, 11));
    }
}

void drawCancelled(QPainter& painter, const QColor& color)
{
    painter.setPen(QPen(color, 1.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QRectF(2, 2, 12, 12));
    painter.drawLine(QPointF(4, 12), QPointF(12, 4));
}

QPixmap drawIcon(JobStatus status, const QColor& color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 16.0, size / 16.0);
    switch (status) {
    case JobStatus::Queued:
        drawHourglass(painter, color);
        break;
    case JobStatus::Processing:
        drawCycle(painter, color);
        break;
    case JobStatus::Completed:
    case JobStatus::Failed:
        drawBadge(painter, color, status);
        break;
    case JobStatus::Cancelled:
        drawCancelled(painter, color);
        break;
    }
    return pixmap;
}

} // namespace

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QString statusLabel(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return QCoreApplication::translate("StatusStyle", "Queued");
    case JobStatus::Processing:
        return QCoreApplication::translate("StatusStyle", "Processing");
    case JobStatus::Completed:
        return QCoreApplication::translate("StatusStyle", "Completed");
    case JobStatus::Failed:
        return QCoreApplication::translate("StatusStyle", "Failed");
    case JobStatus::Cancelled:
        return QCoreApplication::translate("StatusStyle", "Cancelled");
    }
    return {};
}

QColor statusColor(JobStatus status, const QPalette& palette)
{
    const bool dark = isDarkPalette(palette);
    switch (status) {
    case JobStatus::Queued:
        return dark ? QColor(0xe8, 0xb3, 0x3a) : QColor(0xb0, 0x7a, 0x00);
    case JobStatus::Processing:
        return dark ? QColor(0x6a, 0xa8, 0xff) : QColor(0x1d, 0x63, 0xd0);
    case JobStatus::Completed:
        return completedColor(palette);
    case JobStatus::Failed:
        return failedColor(palette);
    case JobStatus::Cancelled:
        return dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x70, 0x70, 0x70);
    }
    return palette.color(QPalette::Text);
}

QColor completedColor(const QPalette& palette)
{
    return isDarkPalette(palette) ? QColor(0x5c, 0xc9, 0x7b) : QColor(0x1b, 0x8a, 0x3e);
}

QColor failedColor(const QPalette& palette)
{
    return isDarkPalette(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QIcon statusIcon(JobStatus status, const QPalette& palette)
{
    static QHash<QString, QIcon> cache;
    const QColor color = statusColor(status, palette);
    const QString key = QString::number(int(status)) + color.name();
    auto it = cache.constFind(key);
    if (it != cache.cend()) {
        return it.value();
    }
    QIcon icon;
    for (int size : {16, 32}) {
        icon.addPixmap(drawIcon(status, color, size));
    }
    cache.insert(key, icon);
    return icon;
}

} // namespace pixelnest::ui
