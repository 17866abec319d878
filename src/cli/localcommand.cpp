#include "cli/localcommand.h"

#include "cli/exitcodes.h"
#include "cli/table.h"
#include "pixelnest/localstack.h"
#include "pixelnest/schema.h"

#include <QJsonObject>
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

// `--json`: the stack after the action, for scripts (the same shape for up, down, status, env).
int printState(const LocalStack& stack, const QString& action)
{
    const LocalStackStatus state = stack.status();
    printJson(QJsonDocument(QJsonObject{
        {QStringLiteral("action"), action},
        {QStringLiteral("dir"), state.dir},
        {QStringLiteral("initialized"), state.initialized},
        {QStringLiteral("postgres"),
         QJsonObject{{QStringLiteral("running"), state.postgresRunning},
                     {QStringLiteral("conninfo"), stack.postgresConninfo()}}},
        {QStringLiteral("redis"), QJsonObject{{QStringLiteral("running"), state.redisRunning},
                                              {QStringLiteral("url"), stack.redisUrl()}}}}));
    return action != QLatin1String("status") || (state.postgresRunning && state.redisRunning)
               ? kExitOk
               : kExitUnavailable;
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
    const bool json = line.isSet(QStringLiteral("json"));
    if (action == QLatin1String("up")) {
        if (!json) {
            return up(stack);
        }
        // What `up` prints goes to stderr then: stdout is the JSON alone.
        if (Result<void> started = stack.up(); !started) {
            return fail(started.error());
        }
        if (Result<int> migrated = applyMigrations(stack.postgresConninfo()); !migrated) {
            return fail(migrated.error());
        }
        return printState(stack, action);
    }
    if (action == QLatin1String("down")) {
        if (Result<void> stopped = stack.down(); !stopped) {
            return fail(stopped.error());
        }
        if (json) {
            return printState(stack, action);
        }
        QTextStream(stdout) << "local stack down in " << stack.dir() << '\n';
        return kExitOk;
    }
    if (action == QLatin1String("status")) {
        return json ? printState(stack, action) : status(stack);
    }
    if (action == QLatin1String("env")) {
        if (json) {
            return printState(stack, action);
        }
        QTextStream(stdout) << stack.environmentLines();
        return kExitOk;
    }
    QTextStream(stderr) << "pixelnest local: unknown action '" << action
                        << "' (expected up, down, status or env)\n";
    return kExitUsage;
}

} // namespace pixelnest::cli
