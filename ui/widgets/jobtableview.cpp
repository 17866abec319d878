#include "widgets/jobtableview.h"

#include "widgets/cachedtextdelegate.h"

#include <QHeaderView>
#include <QPainter>

namespace pixelnest::ui
{

JobTableView::JobTableView(QWidget* parent) : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setSortingEnabled(false); // enabled by the page once the model is set (see ImagesPage)
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(40);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
    setIconSize(QSize(48, 36));
    setItemDelegate(new CachedTextDelegate(this));
    setAccessibleName(tr("Images"));
}

void JobTableView::setEmptyHint(const QString& hint)
{
    m_hint = hint;
    viewport()->update();
}

void JobTableView::paintEvent(QPaintEvent* event)
{
    QTableView::paintEvent(event);
    if (model() == nullptr || model()->rowCount() > 0 || m_hint.isEmpty()) {
        return;
    }
    QPainter painter(viewport());
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(40, 40, -40, -40);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_hint);
}

} // namespace pixelnest::ui
