#include "cli/enginecommand.h"

#include "cli/enginehost.h"
#include "cli/session.h"
#include "config/engineconfigloader.h"
#include "signalwatcher.h"

#include <QCoreApplication>

namespace pixelnest::cli
{

int runEngineCommand(const CommandLine& line)
{
    const Result<EngineConfig> config = loadEngineConfig(line);
    if (!config) {
        return reportError(line, config.error());
    }
    SignalWatcher signals;
    EngineHost host(line, config.value());
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &host, &EngineHost::stop);
    QObject::connect(&host, &EngineHost::done, QCoreApplication::instance(),
                     &QCoreApplication::exit, Qt::QueuedConnection);
    host.start();
    return QCoreApplication::exec();
}

} // namespace pixelnest::cli
