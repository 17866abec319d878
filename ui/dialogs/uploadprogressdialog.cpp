#include "dialogs/uploadprogressdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pixelnest::ui
{

namespace
{

QString byteSizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

UploadProgressDialog::UploadProgressDialog(UploadController* controller, QWidget* parent)
    : QDialog(parent), m_controller(controller)
{
    setWindowTitle(tr("Uploading Images"));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Looking for images…"), this);
    m_status->setAccessibleName(tr("Upload status"));
    layout->addWidget(m_status);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 0); // busy until the files are counted
    m_bar->setAccessibleName(tr("Upload progress"));
    layout->addWidget(m_bar);
    m_failures = new QTreeWidget(this);
    m_failures->setHeaderLabels({tr("File"), tr("Why it was not uploaded")});
    m_failures->setRootIsDecorated(false);
    m_failures->setAccessibleName(tr("Files not uploaded"));
    m_failures->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_failures->setColumnWidth(0, 180);
    m_failures->hide();
    layout->addWidget(m_failures, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_controller->isRunning()) {
            m_controller->cancel();
            m_status->setText(tr("Cancelling after the files being sent…"));
            m_buttons->setEnabled(false);
        } else {
            reject();
        }
    });
    connect(controller, &UploadController::scanned, this, &UploadProgressDialog::onScanned);
    connect(controller, &UploadController::progress, this, &UploadProgressDialog::onProgress);
    connect(controller, &UploadController::finished, this, &UploadProgressDialog::onFinished);
    resize(560, 180);
}

QString UploadProgressDialog::statusText() const
{
    return m_status->text();
}

int UploadProgressDialog::failureCount() const
{
    return m_failures->topLevelItemCount();
}

void UploadProgressDialog::onScanned(int files, qint64 bytes)
{
    onProgress(0, files, 0, bytes);
}

void UploadProgressDialog::onProgress(int filesDone, int files, qint64 bytesDone, qint64 bytes)
{
    // Bytes drive the bar (large files take longer); kilobytes keep it within int.
    m_bar->setRange(0, int(qMax<qint64>(1, bytes / 1024)));
    m_bar->setValue(int(bytesDone / 1024));
    m_status->setText(tr("%1 of %n file(s) · %2 of %3", "", files)
                          .arg(filesDone)
                          .arg(byteSizeText(bytesDone), byteSizeText(bytes)));
}

void UploadProgressDialog::onFinished(const UploadSummary& summary)
{
    m_bar->setRange(0, 1);
    m_bar->setValue(1);
    QString text = tr("%n image(s) uploaded", "", int(summary.ids.size()));
    if (!summary.failures.isEmpty()) {
        text += tr("; %n file(s) not uploaded:", "", int(summary.failures.size()));
    }
    m_status->setText(text);
    for (const UploadFailure& failure : summary.failures) {
        auto* item =
            new QTreeWidgetItem(m_failures, {QFileInfo(failure.path).fileName(), failure.message});
        item->setToolTip(0, QDir::toNativeSeparators(failure.path));
        item->setToolTip(1, failure.message);
    }
    m_failures->setVisible(!summary.failures.isEmpty());
    if (!summary.failures.isEmpty()) {
        m_failures->resizeColumnToContents(0);
        m_failures->setColumnWidth(0, qMin(m_failures->columnWidth(0) + 12, 260));
        resize(qMax(width(), 720), qMax(height(), 360));
    }
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->setEnabled(true);
}

} // namespace pixelnest::ui
