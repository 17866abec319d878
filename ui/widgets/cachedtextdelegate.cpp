#include "widgets/cachedtextdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QtMath>

#include <utility>

namespace pixelnest::ui
{

void CachedTextDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    // Wrapped or right-to-left text, check boxes: the style's own way (the Images table has none).
    if (cell.text.isEmpty() || cell.features.testFlag(QStyleOptionViewItem::WrapText) ||
        cell.features.testFlag(QStyleOptionViewItem::HasCheckIndicator) ||
        cell.direction != Qt::LeftToRight) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget* widget = cell.widget;
    const QStyle* style = widget != nullptr ? widget->style() : QApplication::style();
    // Background, selection, decoration and focus, as the style paints them, without the text.
    const QString text = std::exchange(cell.text, QString());
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);
    const QRect area = textArea(cell, style);
    if (area.width() <= 0) {
        return;
    }
    const QStaticText& laid = laidOut(text, area.width(), cell);
    const QSizeF size = laid.size();
    const Qt::Alignment horizontal =
        QStyle::visualAlignment(cell.direction, cell.displayAlignment) & Qt::AlignHorizontal_Mask;
    qreal x = area.left();
    if (horizontal.testFlag(Qt::AlignRight)) {
        x = area.right() + 1 - size.width();
    } else if (horizontal.testFlag(Qt::AlignHCenter)) {
        x = area.left() + (area.width() - size.width()) / 2;
    }
    // In whole pixels, as QStyle::alignedRect places the style's own text, and by the laid-out
    // height, not the font's: a fallback font (Hangul in DejaVu Sans) may be taller.
    const int y = area.top() + (area.height() - qCeil(size.height())) / 2;
    // The text colour the style would pick: highlighted when selected, by state otherwise.
    QPalette::ColorGroup group =
        cell.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !cell.state.testFlag(QStyle::State_Active)) {
        group = QPalette::Inactive;
    }
    painter->save();
    painter->setFont(cell.font);
    painter->setPen(cell.palette.color(group, cell.state.testFlag(QStyle::State_Selected)
                                                  ? QPalette::HighlightedText
                                                  : QPalette::Text));
    painter->drawStaticText(QPointF(x, y), laid);
    painter->restore();
}

QRect CachedTextDelegate::textArea(QStyleOptionViewItem& cell, const QStyle* style) const
{
    // Where the style puts the text. In a one-line cell that place depends on the cell's size,
    // decoration and style, not on the text: it is asked once per shape of cell, with a stand-in
    // text (asking lays the text out, only to measure it).
    const bool decorated = cell.features.testFlag(QStyleOptionViewItem::HasDecoration);
    const AreaKey key{cell.rect.size(), decorated ? cell.decorationSize : QSize(),
                      int(cell.decorationPosition), style};
    auto found = m_areas.find(key);
    if (found == m_areas.end()) {
        if (m_areas.size() >= kMaxCached) {
            m_areas.clear();
        }
        cell.text = QStringLiteral("x");
        const int margin =
            style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, cell.widget) + 1;
        const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &cell, cell.widget)
                               .adjusted(margin, 0, -margin, 0);
        found = m_areas.insert(key, area.translated(-cell.rect.topLeft()));
    }
    return found.value().translated(cell.rect.topLeft());
}

const QStaticText& CachedTextDelegate::laidOut(const QString& text, int width,
                                               const QStyleOptionViewItem& option) const
{
    if (option.font != m_font || m_texts.size() >= kMaxCached) {
        m_texts.clear();
        m_font = option.font;
    }
    const TextKey key{text, width, int(option.textElideMode)};
    auto found = m_texts.find(key);
    if (found == m_texts.end()) {
        QStaticText laid(option.fontMetrics.elidedText(text, option.textElideMode, width));
        laid.setTextFormat(Qt::PlainText);
        laid.setPerformanceHint(QStaticText::AggressiveCaching);
        laid.prepare(QTransform(), option.font);
        found = m_texts.insert(key, laid);
    }
    return found.value();
}

} // namespace pixelnest::ui
