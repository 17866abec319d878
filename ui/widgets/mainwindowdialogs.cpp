// MainWindow's dialogs and uploads, apart from its layout and wiring (mainwindow.cpp) to keep
// each file readable.
#include "widgets/mainwindow.h"

#include "core/consolesession.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/connectiondialog.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/uploaddialog.h"
#include "dialogs/uploadprogressdialog.h"

#include <QFileDialog>
#include <QStandardPaths>
#include <QStatusBar>

namespace pixelnest::ui
{

void MainWindow::askUpload(const QStringList& paths)
{
    if (paths.isEmpty() || !m_writable) {
        return;
    }
    auto* dialog = new UploadDialog(paths, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { startUpload(dialog->paths(), dialog->options()); });
    dialog->open();
}

void MainWindow::uploadWhenReady(const QStringList& paths)
{
    if (m_writable) {
        askUpload(paths);
    } else {
        m_pendingUpload = paths;
    }
}

UploadController* MainWindow::startUpload(const QStringList& paths, const UploadOptions& options)
{
    auto* controller = new UploadController(m_session->service(), this);
    auto* progress = new UploadProgressDialog(controller, this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QObject::destroyed, controller, [controller] {
        if (!controller->isRunning()) {
            controller->deleteLater();
        } else {
            controller->cancel(); // closed mid-way: stop after the batch in flight, then go
            connect(controller, &UploadController::finished, controller, &QObject::deleteLater);
        }
    });
    connect(controller, &UploadController::finished, this, [this](const UploadSummary& summary) {
        QString text = tr("%n image(s) uploaded", "", int(summary.ids.size()));
        if (!summary.failures.isEmpty()) {
            text += tr("; %n file(s) not uploaded", "", int(summary.failures.size()));
        }
        statusBar()->showMessage(text, 10'000);
    });
    progress->show();
    controller->start(paths, options);
    return controller;
}

void MainWindow::addFiles()
{
    auto* dialog = new QFileDialog(
        this, tr("Add Images"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, &MainWindow::askUpload);
    dialog->open();
}

void MainWindow::addFolder()
{
    auto* dialog =
        new QFileDialog(this, tr("Add a Folder of Images"),
                        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString& folder) { askUpload({folder}); });
    dialog->open();
}

void MainWindow::showConnectionDialog()
{
    auto* dialog = new ConnectionDialog(m_session->profile(), m_session->localStackDir(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionProfile profile = dialog->profile();
        m_session->remember(profile);
        setWritable(false);
        m_session->connectTo(profile);
    });
    dialog->open();
}

void MainWindow::showSettings()
{
    auto* dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::languageChanged, this, [this] {
        statusBar()->showMessage(tr("The new language applies when Pixelnest starts again."),
                                 10'000);
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(m_session->config(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace pixelnest::ui
