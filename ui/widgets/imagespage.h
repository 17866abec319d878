#pragma once

#include "pixelnest/adminservice.h"

#include "pixelnest/jobs.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSettings;
class QSplitter;

namespace pixelnest::ui
{

class DetailPane;
class JobTableModel;
class JobTableView;
class StatusCountModel;
class ThumbnailCache;

// The Images tab: status filter (with counts) and title search above the paged table, the
// detail pane beside it.
class ImagesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagesPage)

public:
    explicit ImagesPage(AdminService* service, QWidget* parent = nullptr);

    JobTableModel* model() const { return m_model; }
    JobTableView* view() const { return m_view; }
    DetailPane* detail() const { return m_detail; }
    StatusCountModel* counts() const { return m_counts; }
    QComboBox* statusFilter() const { return m_status; }
    QLineEdit* search() const { return m_search; }
    // The filters beyond status and search (the Filters… dialog sets them).
    void setMoreFilters(const JobQuery& filters);
    QSplitter* splitter() const { return m_splitter; }

    // The ids of the selected rows that are loaded (a selection can reach rows never read).
    QList<qint64> selectedIds() const;
    // Every selected row, loaded or not.
    int selectedRowCount() const;
    void setCounts(const QMap<JobStatus, qint64>& counts);
    void saveState(QSettings& settings) const;
    void restoreState(const QSettings& settings);

Q_SIGNALS:
    void selectionChanged();

private:
    void buildFilterBar(QWidget* bar);
    void onCurrentChanged();

    ThumbnailCache* m_thumbnails = nullptr;
    JobTableModel* m_model = nullptr;
    StatusCountModel* m_counts = nullptr;
    JobTableView* m_view = nullptr;
    DetailPane* m_detail = nullptr;
    QComboBox* m_status = nullptr;
    QLineEdit* m_search = nullptr;
    QPushButton* m_moreFilters = nullptr;
    QSplitter* m_splitter = nullptr;
    QTimer m_searchDelay;
};

} // namespace pixelnest::ui
