#pragma once

#include "pixelnest/jobs.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace pixelnest::ui
{

// The Images tab's filters beyond status and search: pipeline, worker, priority range, created
// since, moderation label (on top, or with a minimum score) and faces, so that an admin can
// list "everything flagged Porn ≥ 0.8" and act on all of it. Each filter has a checkbox: off is
// "any".
class JobFilterDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFilterDialog)

public:
    JobFilterDialog(const JobQuery& current, QWidget* parent = nullptr);

    JobQuery filters() const; // the fields of JobQuery this dialog sets
    // How many filters of `query` this dialog covers are on (the Filters button's count).
    static int activeCount(const JobQuery& query);

private:
    QCheckBox* m_byPipeline = nullptr;
    QComboBox* m_pipeline = nullptr;
    QCheckBox* m_byWorker = nullptr;
    QLineEdit* m_worker = nullptr;
    QCheckBox* m_byPriority = nullptr;
    QSpinBox* m_minPriority = nullptr;
    QSpinBox* m_maxPriority = nullptr;
    QCheckBox* m_bySince = nullptr;
    QDateTimeEdit* m_since = nullptr;
    QCheckBox* m_byLabel = nullptr;
    QComboBox* m_label = nullptr;
    QDoubleSpinBox* m_labelMin = nullptr;
    QCheckBox* m_byFaces = nullptr;
    QSpinBox* m_faces = nullptr;
    QCheckBox* m_facesOrMore = nullptr;
};

} // namespace pixelnest::ui
