#include "gui.h"

#include "cli/enginecommand.h"
#include "cli/session.h"
#include "core/adminlane.h"
#include "core/consolesession.h"
#include "core/translations.h"
#include "pixelnest/pipelines.h"
#include "widgets/mainwindow.h"

#include <QApplication>

using namespace pixelnest;

namespace
{

// What the console's session needs from the command line; the embedded engine gets the same
// namespace, model repository and limits as `pixelnest --engine-only` would.
ui::SessionEnvironment sessionEnvironment(const cli::CommandLine& line)
{
    ui::SessionEnvironment environment;
    environment.flags = line.connection;
    environment.configFile = line.configFile;
    environment.service = cli::serviceOptions(line);
    environment.engine.ns = environment.service.ns;
    environment.engine.maxAttempts = environment.service.maxAttempts;
    environment.engine.modelsDir = cli::defaultModelsDir();
    const ImageLimits limits = environment.engine.limits;
    const QString modelsDir = environment.engine.modelsDir;
    const QString device = environment.engine.device;
    environment.pipelines = [limits, modelsDir, device] {
        return PipelineRegistry::standard(limits, modelsDir, device);
    };
    return environment;
}

} // namespace

int runGui(int argc, char** argv, const cli::CommandLine& line)
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Pixelnest"));
    ui::installTranslations(app, ui::savedLanguage());
    // The window's close starts the embedded engine's drain; the event loop ends after it.
    QApplication::setQuitOnLastWindowClosed(false);
    int exitCode = 0;
    {
        ui::ConsoleSession session(sessionEnvironment(line));
        ui::MainWindow window(&session);
        QObject::connect(&window, &ui::MainWindow::closed, &session, &ui::ConsoleSession::shutdown);
        QObject::connect(&session, &ui::ConsoleSession::shutDown, &app, &QCoreApplication::quit);
        // The window opens at once; the local stack, migrations and the engine's models come
        // up off the GUI thread and the window fills in when they are ready.
        window.show();
        session.start();
        exitCode = QApplication::exec();
    }
    ui::AdminLane::waitForRetiredThreads(5000);
    return exitCode;
}
