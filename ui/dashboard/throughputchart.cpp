#include "dashboard/throughputchart.h"

#include "core/statusstyle.h"
#include "dashboard/chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace pixelnest::ui
{

ThroughputChart::ThroughputChart(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_completed = new QLineSeries;
    m_completed->setName(tr("Completed per minute"));
    m_failed = new QLineSeries;
    m_failed->setName(tr("Failed per minute"));
    m_chart = new QChart;
    m_chart->addSeries(m_completed);
    m_chart->addSeries(m_failed);
    auto* minutes = new QValueAxis;
    m_minutes = minutes;
    minutes->setTickCount(6);
    minutes->setLabelFormat(QStringLiteral("%d"));
    minutes->setTitleText(tr("minutes ago"));
    m_values = new QValueAxis;
    m_values->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(minutes, Qt::AlignBottom);
    m_chart->addAxis(m_values, Qt::AlignLeft);
    for (QLineSeries* series : {m_completed, m_failed}) {
        series->attachAxis(minutes);
        series->attachAxis(m_values);
        series->setPointsVisible(true);
    }
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_view->setAccessibleName(tr("Throughput per minute"));
    layout->addWidget(m_view);
    applyPalette();
    setWindowMinutes(15);
}

void ThroughputChart::setWindowMinutes(int minutes)
{
    m_window = minutes;
    m_chart->setTitle(minutes < 60    ? tr("Throughput, last %1 minutes").arg(minutes)
                      : minutes == 60 ? tr("Throughput, last hour")
                                      : tr("Throughput, last %1 hours").arg(minutes / 60));
    m_minutes->setRange(-minutes, 0);
    for (QLineSeries* series : {m_completed, m_failed}) {
        series->setPointsVisible(minutes <= 60); // a day of points would be a smear
    }
    setMinutes({});
}

void ThroughputChart::setMinutes(const QList<MinuteCounts>& minutes)
{
    // Every minute of the window gets a point, zero where nothing finished.
    const qint64 nowMinute = QDateTime::currentMSecsSinceEpoch() / 60'000;
    QList<QPointF> completed;
    QList<QPointF> failed;
    for (int ago = m_window; ago >= 0; --ago) {
        completed.append(QPointF(-ago, 0));
        failed.append(QPointF(-ago, 0));
    }
    m_completedTotal = 0;
    m_failedTotal = 0;
    qint64 top = 0;
    for (const MinuteCounts& minute : minutes) {
        const qint64 ago = nowMinute - minute.minute.toMSecsSinceEpoch() / 60'000;
        if (ago < 0 || ago > m_window) {
            continue;
        }
        const qsizetype at = m_window - ago;
        completed[at].setY(double(minute.completed));
        failed[at].setY(double(minute.failed));
        m_completedTotal += minute.completed;
        m_failedTotal += minute.failed;
        top = qMax(top, qMax(minute.completed, minute.failed));
    }
    m_completed->replace(completed);
    m_failed->replace(failed);
    m_values->setRange(0, qMax<qint64>(4, top + top / 10 + 1));
    m_values->applyNiceNumbers();
    m_view->setAccessibleDescription(tr("%1 completed and %2 failed in the last %3 minutes")
                                         .arg(m_completedTotal)
                                         .arg(m_failedTotal)
                                         .arg(m_window));
}

void ThroughputChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
    QWidget::changeEvent(event);
}

void ThroughputChart::applyPalette()
{
    applyChartPalette(m_chart, palette());
    m_completed->setPen(QPen(completedColor(palette()), 2));
    m_completed->setBrush(completedColor(palette()));
    m_failed->setPen(QPen(failedColor(palette()), 2));
    m_failed->setBrush(failedColor(palette()));
}

} // namespace pixelnest::ui
