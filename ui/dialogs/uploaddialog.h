#pragma once

#include "controllers/uploadcontroller.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pixelnest::ui
{

// Options of an upload (Add files, Add folder or a drop): priority (presets or a number), a
// title for every file (empty: each file's name), the pipeline, and optionally a time before
// which the jobs may not start and how long after it they may wait before they are cancelled.
class UploadDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadDialog)

public:
    UploadDialog(const QStringList& paths, QWidget* parent = nullptr);

    UploadOptions options() const;
    // For tests: start at `when`, and expire `minutes` after the start (0: never).
    void setSchedule(const QDateTime& when, int minutes);
    const QStringList& paths() const { return m_paths; }

private:
    QStringList m_paths;
    QSpinBox* m_priority = nullptr;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_title = nullptr;
    QComboBox* m_pipeline = nullptr;
    QCheckBox* m_startLater = nullptr;
    QDateTimeEdit* m_startAt = nullptr;
    QCheckBox* m_expires = nullptr;
    QSpinBox* m_expiresMinutes = nullptr;
};

} // namespace pixelnest::ui
