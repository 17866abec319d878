#include "cli/localcommand.h"

#include "cli/exitcodes.h"
#include "pixelnest/localstack.h"
#include "pixelnest/schema.h"

#include <QTextStream>

namespace pixelnest::cli
{

namespace
{

int fail(const Error& error)
{
    QTextStream(stderr) << "pixelnest local: " << error.message << '\n';
    return exitCodeFor(error);
}

int up(LocalStack& stack)
{
    if (Result<void> started = stack.up(); !started) {
        return fail(started.error());
    }
    if (Result<int> migrated = applyMigrations(stack.postgresConninfo()); !migrated) {
        return fail(migrated.error());
    }
    QTextStream(stdout) << "local stack up in " << stack.dir() << '\n'
                        << "  PostgreSQL: " << stack.postgresConninfo() << '\n'
                        << "  Redis:      " << stack.redisUrl() << '\n';
    return kExitOk;
}

int status(const LocalStack& stack)
{
    const LocalStackStatus state = stack.status();
    const auto word = [](bool running) {
        return running ? QStringLiteral("running") : QStringLiteral("stopped");
    };
    QTextStream(stdout) << "directory:  " << state.dir
                        << (state.initialized ? "" : " (not created yet)") << '\n'
                        << "PostgreSQL: " << word(state.postgresRunning) << "  "
                        << stack.postgresConninfo() << '\n'
                        << "Redis:      " << word(state.redisRunning) << "  " << stack.redisUrl()
                        << '\n';
    // Scripts can test `pixelnest local status` for "both up".
    return state.postgresRunning && state.redisRunning ? kExitOk : kExitUnavailable;
}

} // namespace

int runLocalCommand(const CommandLine& line)
{
    const QString action = line.arguments.value(0);
    if (line.arguments.size() != 1) {
        QTextStream(stderr) << "pixelnest local: expected one of up, down, status, env\n";
        return kExitUsage;
    }
    LocalStack stack(line.value(QStringLiteral("dir")));
    if (action == QLatin1String("up")) {
        return up(stack);
    }
    if (action == QLatin1String("down")) {
        if (Result<void> stopped = stack.down(); !stopped) {
            return fail(stopped.error());
        }
        QTextStream(stdout) << "local stack down in " << stack.dir() << '\n';
        return kExitOk;
    }
    if (action == QLatin1String("status")) {
        return status(stack);
    }
    if (action == QLatin1String("env")) {
        QTextStream(stdout) << stack.environmentLines();
        return kExitOk;
    }
    QTextStream(stderr) << "pixelnest local: unknown action '" << action
                        << "' (expected up, down, status or env)\n";
    return kExitUsage;
}

} // namespace pixelnest::cli
