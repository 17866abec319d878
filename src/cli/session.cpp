#include "cli/session.h"

#include "cli/exitcodes.h"
#include "config/engineconfigloader.h"
#include "pixelnest/localstack.h"
#include "pixelnest/prepareservers.h"

#include <QProcessEnvironment>
#include <QTextStream>

namespace pixelnest::cli
{

Result<ConnectionConfig> prepareConnections(const CommandLine& line, const QString& ns)
{
    const Result<ConnectionConfig> config =
        loadConnectionConfig(line.connection, QProcessEnvironment::systemEnvironment(),
                             line.configFile, LocalStack::defaultDir());
    if (!config) {
        return config;
    }
    if (Result<void> ready = prepareServers(config.value(), ns); !ready) {
        return ready.error();
    }
    return config;
}

Result<std::unique_ptr<AdminClient>> openAdminClient(const CommandLine& line)
{
    const Result<EngineConfig> settings = loadEngineConfig(line);
    if (!settings) {
        return settings.error();
    }
    return openAdminClient(line, settings.value());
}

Result<std::unique_ptr<AdminClient>> openAdminClient(const CommandLine& line,
                                                     const EngineConfig& settings)
{
    const Result<ConnectionConfig> config = prepareConnections(line, settings.service.ns);
    if (!config) {
        return config.error();
    }
    return AdminClient::connect(config.value(), settings);
}

int reportError(const CommandLine& line, const Error& error)
{
    // --engine-only and the console have no command word: "pixelnest: ..." then.
    const QString who = line.command.isEmpty() ? QStringLiteral("pixelnest")
                                               : QStringLiteral("pixelnest ") + line.command;
    QTextStream(stderr) << who << ": " << error.message << '\n';
    return exitCodeFor(error);
}

Result<qint64> integerOption(const CommandLine& line, const QString& name, qint64 fallback,
                             qint64 minimum, qint64 maximum)
{
    if (!line.values.contains(name)) {
        return fallback;
    }
    bool ok = false;
    const qint64 value = line.value(name).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'")
                             .arg(name)
                             .arg(minimum)
                             .arg(maximum)
                             .arg(line.value(name)));
    }
    return value;
}

Result<QList<qint64>> jobIds(const QStringList& words)
{
    QList<qint64> ids;
    for (const QString& word : words) {
        bool ok = false;
        const qint64 id = word.toLongLong(&ok);
        if (!ok || id <= 0) {
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("'%1' is not a job id (a positive number)").arg(word));
        }
        ids.append(id);
    }
    if (ids.isEmpty()) {
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no job id given"));
    }
    return ids;
}

} // namespace pixelnest::cli
