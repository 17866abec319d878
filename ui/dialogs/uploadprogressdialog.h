#pragma once

#include "controllers/uploadcontroller.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QTreeWidget;

namespace pixelnest::ui
{

// An upload's progress: a bar by bytes, "12 of 40 files · 3.2 MB of 10.1 MB", Cancel; at the
// end a summary and every file that did not go through with its reason.
class UploadProgressDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadProgressDialog)

public:
    explicit UploadProgressDialog(UploadController* controller, QWidget* parent = nullptr);

    QString statusText() const;
    int failureCount() const;

private:
    void onScanned(int files, qint64 bytes);
    void onProgress(int filesDone, int files, qint64 bytesDone, qint64 bytes);
    void onFinished(const UploadSummary& summary);

    UploadController* m_controller;
    QLabel* m_status = nullptr;
    QProgressBar* m_bar = nullptr;
    QTreeWidget* m_failures = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace pixelnest::ui
