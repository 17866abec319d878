#pragma once

#include "pixelnest/jobs.h"

#include <QMap>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace pixelnest::ui
{

class QueueDepthChart;
class ThroughputChart;
class WorkersModel;

// The live dashboard: totals by status, in flight and retrying; queue depth per priority
// band; completed and failed per minute over the last 15 minutes; the workers from the
// engines' heartbeats (a stale one in red). Fed by the StatsPoller; it queries nothing itself.
class DashboardWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardWidget)

public:
    explicit DashboardWidget(QWidget* parent = nullptr);

    void setStats(const QueueStats& stats);
    void setThroughput(const QList<MinuteCounts>& minutes);

    WorkersModel* workersModel() const { return m_workers; }
    QTableView* workersView() const { return m_workersView; }
    QString selectedWorker() const; // the selected engine's id, or empty
    QueueDepthChart* queueDepthChart() const { return m_depth; }
    ThroughputChart* throughputChart() const { return m_throughput; }
    QString figure(const QString& name) const; // a card's value, for tests
    QComboBox* windowSelector() const { return m_window; }

Q_SIGNALS:
    void windowChanged(int minutes); // the throughput window: 15, 60 or 1440

protected:
    void changeEvent(QEvent* event) override;

private:
    void colourCards();
    QLabel* addCard(const QString& key, const QString& title);

    QMap<QString, QLabel*> m_cards;
    QWidget* m_cardRow = nullptr;
    QueueDepthChart* m_depth = nullptr;
    ThroughputChart* m_throughput = nullptr;
    WorkersModel* m_workers = nullptr;
    QTableView* m_workersView = nullptr;
    QComboBox* m_window = nullptr;
};

} // namespace pixelnest::ui
