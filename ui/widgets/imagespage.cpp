#include "widgets/imagespage.h"

#include "dialogs/jobfilterdialog.h"

#include "models/jobcolumns.h"
#include "models/jobtablemodel.h"
#include "models/statuscountmodel.h"
#include "models/thumbnailcache.h"
#include "widgets/detailpane.h"
#include "widgets/jobtableview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPair>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

namespace pixelnest::ui
{

namespace
{

constexpr int kThumbnailHeight = 36;
constexpr int kSearchDelayMs = 300; // one query per pause in typing, not per key

} // namespace

ImagesPage::ImagesPage(AdminService* service, QWidget* parent) : QWidget(parent)
{
    m_thumbnails = new ThumbnailCache(service, kThumbnailHeight, this);
    m_model = new JobTableModel(service, m_thumbnails, this);
    m_counts = new StatusCountModel(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QWidget(this);
    buildFilterBar(bar);
    layout->addWidget(bar);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_view = new JobTableView(m_splitter);
    m_view->setIconSize(m_thumbnails->size());
    m_view->setModel(m_model);
    m_view->horizontalHeader()->setSortIndicator(int(JobColumn::Id), Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    const QList<QPair<JobColumn, int>> widths{
        {JobColumn::Id, 70},       {JobColumn::Title, 210},   {JobColumn::Status, 115},
        {JobColumn::Priority, 65}, {JobColumn::Attempts, 65}, {JobColumn::Worker, 120},
        {JobColumn::Created, 140}, {JobColumn::Finished, 140}};
    for (const auto& [column, width] : widths) {
        m_view->setColumnWidth(int(column), width);
    }
    auto* scroll = new QScrollArea(m_splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_detail = new DetailPane(service, scroll);
    scroll->setWidget(m_detail);
    scroll->setMinimumWidth(320);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the pane follows the width
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(scroll);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({920, 480});
    layout->addWidget(m_splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ImagesPage::selectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ImagesPage::onCurrentChanged);
    // A new filter, search or order starts at its first row.
    connect(m_model, &JobTableModel::modelReset, m_view, &QTableView::scrollToTop);
    // The current row's page may land after the row became current (a jump far down).
    connect(m_model, &JobTableModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                const int row = m_view->selectionModel()->currentIndex().row();
                if (m_detail->jobId() == 0 && row >= topLeft.row() && row <= bottomRight.row()) {
                    onCurrentChanged();
                }
            });
    connect(m_model, &JobTableModel::rowsRefreshed, this, [this](const QList<qint64>& ids) {
        if (ids.contains(m_detail->jobId())) {
            m_detail->refresh();
        }
    });
}

void ImagesPage::buildFilterBar(QWidget* bar)
{
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(6, 6, 6, 0);
    m_status = new QComboBox(bar);
    m_status->setModel(m_counts);
    m_status->setAccessibleName(tr("Filter by status"));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* statusLabel = new QLabel(tr("&Status:"), bar);
    statusLabel->setBuddy(m_status);
    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Search titles or an id"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search titles"));
    layout->addWidget(statusLabel);
    layout->addWidget(m_status);
    layout->addSpacing(12);
    layout->addWidget(m_search, 1);
    m_moreFilters = new QPushButton(tr("&Filters…"), bar);
    m_moreFilters->setToolTip(tr("Pipeline, worker, priority, date, moderation label, faces"));
    layout->addWidget(m_moreFilters);
    connect(m_moreFilters, &QPushButton::clicked, this, [this] {
        auto* dialog = new JobFilterDialog(m_model->query(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this, dialog] { setMoreFilters(dialog->filters()); });
        dialog->open();
    });
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(&m_searchDelay, &QTimer::timeout, this,
            [this] { m_model->setTitleFilter(m_search->text().trimmed()); });
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this](int row) { m_model->setStatusFilter(m_counts->statusAt(row)); });
}

void ImagesPage::setMoreFilters(const JobQuery& filters)
{
    m_model->setMoreFilters(filters);
    const int active = JobFilterDialog::activeCount(filters);
    m_moreFilters->setText(active == 0 ? tr("&Filters…") : tr("&Filters (%1)…").arg(active));
}

void ImagesPage::onCurrentChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    m_detail->showJob(current.isValid() ? m_model->record(current.row()).id : 0);
}

QList<qint64> ImagesPage::selectedIds() const
{
    // By ranges: a selection over a million rows is a few ranges, not a million indexes.
    QList<qint64> ids;
    for (const QItemSelectionRange& range : m_view->selectionModel()->selection()) {
        ids += m_model->loadedIds(range.top(), range.bottom());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

int ImagesPage::selectedRowCount() const
{
    int rows = 0;
    for (const QItemSelectionRange& range : m_view->selectionModel()->selection()) {
        rows += range.height();
    }
    return rows;
}

void ImagesPage::setCounts(const QMap<JobStatus, qint64>& counts)
{
    m_counts->setCounts(counts);
}

void ImagesPage::saveState(QSettings& settings) const
{
    settings.setValue(QStringLiteral("images/header"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("images/splitter"), m_splitter->saveState());
}

void ImagesPage::restoreState(const QSettings& settings)
{
    m_view->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("images/header")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("images/splitter")).toByteArray());
}

} // namespace pixelnest::ui
