#include "dashboard/queuedepthchart.h"

#include "dashboard/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QVBoxLayout>
#include <QValueAxis>

namespace pixelnest::ui
{

const QList<QueueDepthChart::Band>& QueueDepthChart::bands()
{
    static const QList<Band> list{
        {QT_TR_NOOP("Urgent"), 500, 1000},   {QT_TR_NOOP("High"), 1, 499},
        {QT_TR_NOOP("Normal"), 0, 0},        {QT_TR_NOOP("Low"), -499, -1},
        {QT_TR_NOOP("Lowest"), -1000, -500},
    };
    return list;
}

QList<qint64> QueueDepthChart::bandTotals(const QMap<int, qint64>& depthByPriority)
{
    QList<qint64> totals(bands().size(), 0);
    for (auto it = depthByPriority.cbegin(); it != depthByPriority.cend(); ++it) {
        for (qsizetype band = 0; band < bands().size(); ++band) {
            if (it.key() >= bands()[band].min && it.key() <= bands()[band].max) {
                totals[band] += it.value();
            }
        }
    }
    return totals;
}

QueueDepthChart::QueueDepthChart(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_set = new QBarSet(tr("Waiting"));
    auto* series = new QBarSeries;
    series->append(m_set);
    series->setLabelsVisible(true);
    m_chart = new QChart;
    m_chart->addSeries(series);
    m_chart->setTitle(tr("Queue depth by priority"));
    m_chart->legend()->hide();
    auto* categories = new QBarCategoryAxis;
    for (const Band& band : bands()) {
        categories->append(tr(band.name));
    }
    m_values = new QValueAxis;
    m_values->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(categories, Qt::AlignBottom);
    m_chart->addAxis(m_values, Qt::AlignLeft);
    series->attachAxis(categories);
    series->attachAxis(m_values);
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_view->setAccessibleName(tr("Queue depth by priority"));
    layout->addWidget(m_view);
    applyPalette();
    setDepth({});
}

void QueueDepthChart::setDepth(const QMap<int, qint64>& depthByPriority)
{
    const QList<qint64> totals = bandTotals(depthByPriority);
    qint64 top = 0;
    QStringList description;
    m_set->remove(0, m_set->count());
    for (qsizetype band = 0; band < totals.size(); ++band) {
        m_set->append(double(totals[band]));
        top = qMax(top, totals[band]);
        description.append(tr("%1: %2").arg(tr(bands()[band].name)).arg(totals[band]));
    }
    m_values->setRange(0, qMax<qint64>(4, top + top / 10 + 1));
    m_values->applyNiceNumbers();
    m_view->setAccessibleDescription(description.join(QStringLiteral(", ")));
}

QList<qint64> QueueDepthChart::shownTotals() const
{
    QList<qint64> totals;
    for (int i = 0; i < m_set->count(); ++i) {
        totals.append(qint64(m_set->at(i)));
    }
    return totals;
}

void QueueDepthChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
    QWidget::changeEvent(event);
}

void QueueDepthChart::applyPalette()
{
    applyChartPalette(m_chart, palette());
    m_set->setColor(palette().color(QPalette::Highlight));
    m_set->setLabelColor(palette().color(QPalette::WindowText));
}

} // namespace pixelnest::ui
