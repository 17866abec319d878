#include "widgets/collapsiblesection.h"

#include <QToolButton>
#include <QVBoxLayout>

namespace pixelnest::ui
{

CollapsibleSection::CollapsibleSection(const QString& title, QWidget* content, QWidget* parent)
    : QWidget(parent), m_content(content)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_toggle = new QToolButton(this);
    m_toggle->setText(title);
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setAutoRaise(true);
    m_toggle->setAccessibleName(title);
    layout->addWidget(m_toggle);
    content->setParent(this);
    layout->addWidget(content);
    connect(m_toggle, &QToolButton::toggled, this, &CollapsibleSection::setExpanded);
    setExpanded(false);
}

void CollapsibleSection::setExpanded(bool expanded)
{
    m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_content->setVisible(expanded);
}

bool CollapsibleSection::isExpanded() const
{
    return m_toggle->isChecked();
}

} // namespace pixelnest::ui
