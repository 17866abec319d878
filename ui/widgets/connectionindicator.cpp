#include "widgets/connectionindicator.h"

#include "core/statusstyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace pixelnest::ui
{

namespace
{

QPixmap dot(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return pixmap;
}

} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    m_dot = new QLabel(this);
    m_text = new QLabel(this);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    setAccessibleName(tr("Connection state"));
    setState(State::Connecting, tr("Starting…"));
}

void ConnectionIndicator::setState(State state, const QString& text, const QString& details)
{
    m_state = state;
    QColor color;
    switch (state) {
    case State::Connecting:
    case State::Degraded:
        color = statusColor(JobStatus::Queued, palette());
        break;
    case State::Connected:
        color = completedColor(palette());
        break;
    case State::Lost:
        color = failedColor(palette());
        break;
    }
    m_dot->setPixmap(dot(color));
    m_text->setText(text);
    setToolTip(details.isEmpty() ? text : details);
    setAccessibleDescription(text);
}

QString ConnectionIndicator::text() const
{
    return m_text->text();
}

} // namespace pixelnest::ui
