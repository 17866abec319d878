#include "gui.h"

#include "cli/session.h"
#include "config/engineconfigloader.h"
#include "core/consolesession.h"
#include "core/translations.h"
#include "pixelnest/adminservice.h"
#include "pixelnest/pipelines.h"
#include "pixelnest/prepareservers.h"
#include "widgets/mainwindow.h"

#include <QApplication>

using namespace pixelnest;

namespace
{

// What the console's session needs from the command line; the embedded engine gets the whole
// EngineConfig that `pixelnest --engine-only` would get from the same options.
ui::SessionEnvironment sessionEnvironment(const cli::CommandLine& line, EngineConfig config)
{
    ui::SessionEnvironment environment;
    environment.flags = line.connection;
    environment.configFile = line.configFile;
    environment.config = config;
    environment.createService = [config] { return createAdminService(config); };
    environment.prepare = [ns = config.service.ns](const ConnectionConfig& servers,
                                                   const QString& stackDir) {
        return prepareServers(servers, ns, stackDir);
    };
    environment.pipelines = [config] { return PipelineRegistry::standard(config); };
    environment.createEngine = [config](const ConnectionConfig& servers,
                                        PipelineRegistry pipelines) {
        return std::make_unique<Engine>(servers, config, std::move(pipelines));
    };
    return environment;
}

} // namespace

int runGui(int argc, char** argv, const cli::CommandLine& line)
{
    const Result<EngineConfig> config = cli::loadEngineConfig(line);
    if (!config) {
        // Before any window: the same message and exit code as the command line's.
        return cli::reportError(line, config.error());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Pixelnest"));
    ui::installTranslations(app, ui::savedLanguage());
    // The window's close starts the embedded engine's drain; the event loop ends after it.
    QApplication::setQuitOnLastWindowClosed(false);
    int exitCode = 0;
    {
        ui::ConsoleSession session(sessionEnvironment(line, config.value()));
        ui::MainWindow window(&session);
        QObject::connect(&window, &ui::MainWindow::closed, &session, &ui::ConsoleSession::shutdown);
        QObject::connect(&session, &ui::ConsoleSession::shutDown, &app, &QCoreApplication::quit);
        // The window opens at once; the local stack, migrations and the engine's models come
        // up off the GUI thread and the window fills in when they are ready.
        window.show();
        window.uploadWhenReady(line.files);
        session.start();
        exitCode = QApplication::exec();
    }
    waitForAdminThreads(5000);
    return exitCode;
}
