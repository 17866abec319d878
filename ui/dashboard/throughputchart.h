#pragma once

#include "pixelnest/jobs.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace pixelnest::ui
{

// Completed and failed jobs per minute over the last 15 minutes, hour or day (x: minutes ago;
// the dashboard's window selector).
class ThroughputChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputChart)

public:
    explicit ThroughputChart(QWidget* parent = nullptr);

    void setMinutes(const QList<MinuteCounts>& minutes);
    void setWindowMinutes(int minutes); // 15, 60 or 1440; clears until the next figures
    int windowMinutes() const { return m_window; }
    qint64 completedTotal() const { return m_completedTotal; }
    qint64 failedTotal() const { return m_failedTotal; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLineSeries* m_completed = nullptr;
    QLineSeries* m_failed = nullptr;
    QValueAxis* m_values = nullptr;
    QValueAxis* m_minutes = nullptr;
    int m_window = 15;
    qint64 m_completedTotal = 0;
    qint64 m_failedTotal = 0;
};

} // namespace pixelnest::ui
