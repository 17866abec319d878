#include "dashboard/dashboardwidget.h"

#include "core/statusstyle.h"
#include "dashboard/queuedepthchart.h"
#include "dashboard/throughputchart.h"
#include "models/workersmodel.h"

#include <algorithm>

#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace pixelnest::ui
{

DashboardWidget::DashboardWidget(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Dashboard"));
    auto* layout = new QVBoxLayout(this);
    m_cardRow = new QWidget(this);
    auto* cards = new QHBoxLayout(m_cardRow);
    cards->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_cardRow);
    for (JobStatus status : allStatuses()) {
        addCard(statusName(status), statusLabel(status));
    }
    addCard(QStringLiteral("in_flight"), tr("In flight"));
    addCard(QStringLiteral("retrying"), tr("Retrying"));
    addCard(QStringLiteral("workers"), tr("Workers"));

    // The throughput window, reachable by keyboard (Alt+W).
    auto* windowRow = new QHBoxLayout;
    m_window = new QComboBox(this);
    m_window->addItem(tr("Last 15 minutes"), 15);
    m_window->addItem(tr("Last hour"), 60);
    m_window->addItem(tr("Last 24 hours"), 1440);
    m_window->setAccessibleName(tr("Throughput window"));
    auto* windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_window);
    windowRow->addStretch(1);
    windowRow->addWidget(windowLabel);
    windowRow->addWidget(m_window);
    layout->addLayout(windowRow);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this](int index) {
        const int minutes = m_window->itemData(index).toInt();
        m_throughput->setWindowMinutes(minutes);
        Q_EMIT windowChanged(minutes);
    });

    auto* charts = new QHBoxLayout;
    m_depth = new QueueDepthChart(this);
    m_throughput = new ThroughputChart(this);
    charts->addWidget(m_depth, 2);
    charts->addWidget(m_throughput, 3);
    layout->addLayout(charts, 3);

    layout->addWidget(new QLabel(tr("<b>Workers</b> (from the engines' heartbeats; no "
                                    "heartbeat for 5 s is shown in red)"),
                                 this));
    m_workers = new WorkersModel(this);
    m_workersView = new QTableView(this);
    auto* sorted = new QSortFilterProxyModel(this); // sortable by any column, numbers as numbers
    sorted->setSourceModel(m_workers);
    sorted->setSortRole(WorkersModel::SortRole);
    m_workersView->setModel(sorted);
    m_workersView->setSortingEnabled(true);
    m_workersView->sortByColumn(WorkersModel::Host, Qt::AscendingOrder);
    m_workersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_workersView->verticalHeader()->hide();
    m_workersView->horizontalHeader()->setStretchLastSection(true);
    m_workersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_workersView->setAccessibleName(tr("Workers"));
    m_workersView->setColumnWidth(WorkersModel::Host, 200);
    m_workersView->setColumnWidth(WorkersModel::Device, 200);
    layout->addWidget(m_workersView, 2);
}

QLabel* DashboardWidget::addCard(const QString& key, const QString& title)
{
    auto* card = new QFrame(m_cardRow);
    card->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(card);
    auto* value = new QLabel(QStringLiteral("—"), card);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    value->setFont(big);
    auto* caption = new QLabel(title, card);
    layout->addWidget(value);
    layout->addWidget(caption);
    value->setAccessibleName(title);
    m_cardRow->layout()->addWidget(card);
    m_cards.insert(key, value);
    colourCards();
    return value;
}

void DashboardWidget::colourCards()
{
    for (auto it = m_cards.cbegin(); it != m_cards.cend(); ++it) {
        if (const auto status = parseStatus(it.key())) {
            it.value()->setStyleSheet(
                QStringLiteral("color: %1").arg(statusColor(*status, palette()).name()));
        }
    }
}

void DashboardWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        colourCards();
    }
    QWidget::changeEvent(event);
}

void DashboardWidget::setStats(const QueueStats& stats)
{
    const QLocale locale;
    for (JobStatus status : allStatuses()) {
        m_cards.value(statusName(status))->setText(locale.toString(stats.counts.value(status)));
    }
    m_cards.value(QStringLiteral("in_flight"))->setText(locale.toString(stats.inFlight));
    m_cards.value(QStringLiteral("retrying"))->setText(locale.toString(stats.retrying));
    // Live engines only: one whose heartbeat key expired has left (its row stays, in red).
    const qsizetype live = std::count_if(stats.workers.cbegin(), stats.workers.cend(),
                                         [](const WorkerInfo& worker) { return worker.alive; });
    m_cards.value(QStringLiteral("workers"))->setText(locale.toString(live));
    m_depth->setDepth(stats.queueDepth);
    m_workers->setWorkers(stats.workers);
}

void DashboardWidget::setThroughput(const QList<MinuteCounts>& minutes)
{
    m_throughput->setMinutes(minutes);
}

QString DashboardWidget::selectedWorker() const
{
    const QModelIndexList rows = m_workersView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(WorkersModel::IdRole).toString();
}

QString DashboardWidget::figure(const QString& name) const
{
    const QLabel* card = m_cards.value(name);
    return card ? card->text() : QString();
}

} // namespace pixelnest::ui
