#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace pixelnest::ui
{

// Paints one-line cells as QStyledItemDelegate does, but keeps each cell's laid-out text. The
// Images table repaints its 200-odd cells on every live update and page; shaping their text
// again each time (HarfBuzz, then eliding) was half of a paint at a million rows, and a paint
// over 10 ms (tst_millionrows). A text is laid out once per width it is shown at.
class CachedTextDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CachedTextDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    // Keys built from what a paint already has, without formatting a string per cell.
    struct TextKey
    {
        QString text;
        int width = 0;
        int elideMode = 0;
        bool operator==(const TextKey& other) const
        {
            return width == other.width && elideMode == other.elideMode && text == other.text;
        }
    };
    struct AreaKey // a cell's shape
    {
        QSize size;
        QSize decoration; // empty without one
        int decorationPosition = 0;
        const QStyle* style = nullptr; // another style, other margins
        bool operator==(const AreaKey& other) const
        {
            return size == other.size && decoration == other.decoration &&
                   decorationPosition == other.decorationPosition && style == other.style;
        }
    };
    friend size_t qHash(const TextKey& key, size_t seed = 0)
    {
        return qHashMulti(seed, key.text, key.width, key.elideMode);
    }
    friend size_t qHash(const AreaKey& key, size_t seed = 0)
    {
        return qHashMulti(seed, key.size.width(), key.size.height(), key.decoration.width(),
                          key.decoration.height(), key.decorationPosition, key.style);
    }

    // The rectangle the style gives the text in `cell` (whose text it changes).
    QRect textArea(QStyleOptionViewItem& cell, const QStyle* style) const;
    // The elided text, laid out, for a text at a width.
    const QStaticText& laidOut(const QString& text, int width,
                               const QStyleOptionViewItem& option) const;

    static constexpr int kMaxCached = 4096; // a few screens of cells; then it starts over
    mutable QHash<TextKey, QStaticText> m_texts;
    mutable QHash<AreaKey, QRect> m_areas; // relative to the cell's corner
    mutable QFont m_font;                  // the texts' font; another one starts the cache over
};

} // namespace pixelnest::ui
