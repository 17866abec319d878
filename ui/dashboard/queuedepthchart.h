#pragma once

#include <QMap>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QBarSet;
class QChart;
class QChartView;
class QValueAxis;
QT_END_NAMESPACE

namespace pixelnest::ui
{

// Ready jobs per priority band (Urgent 500…1000, High 1…499, Normal 0, Low −499…−1,
// Lowest −1000…−500): where the waiting work sits in the strict priority order.
class QueueDepthChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueDepthChart)

public:
    struct Band
    {
        const char* name;
        int min;
        int max;
    };
    static const QList<Band>& bands();
    // Jobs per band from jobs per priority.
    static QList<qint64> bandTotals(const QMap<int, qint64>& depthByPriority);

    explicit QueueDepthChart(QWidget* parent = nullptr);

    void setDepth(const QMap<int, qint64>& depthByPriority);
    QList<qint64> shownTotals() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QBarSet* m_set = nullptr;
    QValueAxis* m_values = nullptr;
};

} // namespace pixelnest::ui
