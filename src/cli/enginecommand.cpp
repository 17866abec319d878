#include "cli/enginecommand.h"

#include "cli/enginehost.h"
#include "cli/exitcodes.h"
#include "cli/session.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace pixelnest::cli
{

namespace
{

Result<EngineOptions> engineOptions(const CommandLine& line)
{
    EngineOptions options;
    const ServiceOptions service = serviceOptions(line);
    options.ns = service.ns;
    struct IntegerOption
    {
        const char* name;
        int* target;
        qint64 minimum;
        qint64 maximum;
        int scale;
    };
    int leaseSeconds = options.leaseMs / 1000;
    const IntegerOption integers[] = {
        {"workers", &options.workers, 1, 256, 1},
        {"batch-size", &options.batchSize, 1, 1024, 1},
        {"max-attempts", &options.maxAttempts, 1, 100, 1},
        {"lease-seconds", &leaseSeconds, 1, 86400, 1},
    };
    for (const IntegerOption& spec : integers) {
        const Result<qint64> value =
            integerOption(line, QLatin1String(spec.name), *spec.target, spec.minimum, spec.maximum);
        if (!value) {
            return value.error();
        }
        *spec.target = int(value.value()) * spec.scale;
    }
    options.leaseMs = leaseSeconds * 1000;
    const Result<qint64> delay =
        integerOption(line, QStringLiteral("max-batch-delay-ms"), 5, 0, 10'000);
    if (!delay) {
        return delay.error();
    }
    options.maxBatchDelayMs = int(delay.value());
    options.device = line.value(QStringLiteral("device"), options.device);
    options.modelsDir = line.value(QStringLiteral("models"), defaultModelsDir());
    options.exitWhenIdle = line.isSet(QStringLiteral("exit-when-idle"));
    return options;
}

} // namespace

QString defaultModelsDir()
{
    const QString fromEnvironment = qEnvironmentVariable("PIXELNEST_MODELS");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    // build/src/pixelnest → build/models, where scripts/setup converts them.
    const QString besideBuild =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../models"));
    if (QFileInfo::exists(besideBuild)) {
        return QDir::cleanPath(besideBuild);
    }
    return QStringLiteral("/usr/share/pixelnest/models");
}

int runEngineCommand(const CommandLine& line)
{
    const Result<EngineOptions> options = engineOptions(line);
    if (!options) {
        return reportError(line, options.error());
    }
    SignalWatcher signals;
    EngineHost host(line, options.value());
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &host, &EngineHost::stop);
    QObject::connect(&host, &EngineHost::done, QCoreApplication::instance(),
                     &QCoreApplication::exit, Qt::QueuedConnection);
    host.start();
    return QCoreApplication::exec();
}

} // namespace pixelnest::cli
