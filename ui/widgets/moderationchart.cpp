#include "widgets/moderationchart.h"

#include "dashboard/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QVBoxLayout>
#include <QValueAxis>

namespace pixelnest::ui
{

ModerationChart::ModerationChart(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setAccessibleName(tr("Moderation label"));
    layout->addWidget(m_label);
    m_scores = new QBarSet(tr("Score"));
    auto* series = new QHorizontalBarSeries;
    series->append(m_scores);
    m_chart = new QChart;
    m_chart->addSeries(series);
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_categories = new QBarCategoryAxis;
    m_categories->setTruncateLabels(false);
    auto* values = new QValueAxis;
    values->setRange(0, 1);
    values->setTickCount(3);
    values->setLabelFormat(QStringLiteral("%.1f"));
    m_chart->addAxis(m_categories, Qt::AlignLeft);
    m_chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(m_categories);
    series->attachAxis(values);
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(190);
    m_view->setAccessibleName(tr("Moderation scores"));
    layout->addWidget(m_view);
    applyPalette();
    setModeration({});
}

void ModerationChart::setModeration(const QJsonObject& moderation)
{
    const QJsonObject scores = moderation.value(QStringLiteral("scores")).toObject();
    const QString label = moderation.value(QStringLiteral("label")).toString();
    m_view->setVisible(!scores.isEmpty());
    m_label->setText(label.isEmpty() ? tr("No moderation result")
                                     : tr("Moderation: <b>%1</b> (%2)")
                                           .arg(label.toHtmlEscaped())
                                           .arg(scores.value(label).toDouble(), 0, 'f', 2));
    m_scores->remove(0, m_scores->count());
    QStringList names = scores.keys(); // sorted, as the five labels are
    // Horizontal bars grow upwards: reversed, the list reads top-down alphabetically.
    std::reverse(names.begin(), names.end());
    QStringList labels;
    for (const QString& name : names) {
        const double score = scores.value(name).toDouble();
        m_scores->append(score);
        labels.append(QStringLiteral("%1 %2").arg(name).arg(score, 0, 'f', 2));
    }
    m_categories->setCategories(labels);
    m_view->setAccessibleDescription(m_label->text());
}

QString ModerationChart::label() const
{
    return m_label->text();
}

void ModerationChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
    QWidget::changeEvent(event);
}

void ModerationChart::applyPalette()
{
    applyChartPalette(m_chart, palette());
    m_scores->setColor(palette().color(QPalette::Highlight));
}

} // namespace pixelnest::ui
