#include "gui.h"

#include "cli/exitcodes.h"
#include "pixelnest/connectionconfig.h"
#include "pixelnest/localstack.h"
#include "pixelnest/schema.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QMessageBox>
#include <QProcessEnvironment>

using namespace pixelnest;

int runGui(int argc, char** argv, const cli::CommandLine& line)
{
    QApplication app(argc, argv);
    const ConnectionConfig config =
        resolveConnectionConfig(line.connection, QProcessEnvironment::systemEnvironment(),
                                line.configFile, LocalStack::defaultDir());
    ui::MainWindow window;
    if (config.usesLocalStack()) {
        LocalStack stack;
        Result<void> started = stack.up();
        if (started) {
            Result<int> migrated = applyMigrations(config.postgres);
            if (!migrated) {
                started = migrated.error();
            }
        }
        if (!started) {
            QMessageBox::critical(nullptr, QObject::tr("Pixelnest"),
                                  QObject::tr("The local stack could not start:\n%1")
                                      .arg(started.error().message));
            return cli::kExitUnavailable;
        }
        window.setConnectionDescription(QObject::tr("Local stack in %1").arg(stack.dir()));
    }
    window.show();
    return app.exec();
}
