#include "widgets/mainwindow.h"

#include <QLabel>
#include <QStatusBar>

namespace pixelnest::ui
{

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Pixelnest"));
    resize(1100, 700);
    m_hint = new QLabel(tr("Drop images here to process them"), this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setAccessibleName(tr("Drop hint"));
    setCentralWidget(m_hint);
    m_connection = new QLabel(this);
    statusBar()->addPermanentWidget(m_connection);
}

void MainWindow::setConnectionDescription(const QString& description)
{
    m_connection->setText(description);
}

} // namespace pixelnest::ui
