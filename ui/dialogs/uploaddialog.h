#pragma once

#include "controllers/uploadcontroller.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pixelnest::ui
{

// Options of an upload (Add files, Add folder or a drop): priority (presets or a number), a
// title for every file (empty: each file's name) and the pipeline.
class UploadDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadDialog)

public:
    UploadDialog(const QStringList& paths, QWidget* parent = nullptr);

    UploadOptions options() const;
    const QStringList& paths() const { return m_paths; }

private:
    QStringList m_paths;
    QSpinBox* m_priority = nullptr;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_title = nullptr;
    QComboBox* m_pipeline = nullptr;
};

} // namespace pixelnest::ui
