#pragma once

#include "cli/commandline.h"
#include "pixelnest/adminclient.h"

#include <memory>

namespace pixelnest::cli
{

// Resolves the connections (flag > environment > config file > local stack), then
// prepareServers(): the local stack when it is the one chosen, the schema, and the namespace's
// binding to this database.
Result<ConnectionConfig> prepareConnections(const CommandLine& line, const QString& ns);

// loadEngineConfig + prepareConnections + AdminClient::connect, for the CLI commands.
Result<std::unique_ptr<AdminClient>> openAdminClient(const CommandLine& line);
// The same with the options already parsed (a command that needs them too).
Result<std::unique_ptr<AdminClient>> openAdminClient(const CommandLine& line,
                                                     const EngineConfig& settings);

// Prints "pixelnest <command>: <message>" on stderr and returns the exit code for the error.
int reportError(const CommandLine& line, const Error& error);

// Parses a whole-number option; `name` labels the usage error.
Result<qint64> integerOption(const CommandLine& line, const QString& name, qint64 fallback,
                             qint64 minimum, qint64 maximum);

// Positional job ids; a word that is not a positive integer is a usage error.
Result<QList<qint64>> jobIds(const QStringList& words);

} // namespace pixelnest::cli
