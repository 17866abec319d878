#include "cli/commandline.h"

#include "pixelnest/version.h"

#include <QCoreApplication>

namespace pixelnest::cli
{

namespace
{

QString describeCommands()
{
    return QStringLiteral(
        "Commands (no command opens the admin console):\n"
        "  local up|down|status|env [--dir DIR]   the embedded local stack (PostgreSQL + Redis)\n"
        "\nConnections: --postgres / PIXELNEST_POSTGRES, --redis / PIXELNEST_REDIS;\n"
        "precedence: flag > environment > config file (~/.config/pixelnest/pixelnest.conf)\n"
        "> local stack.\n"
        "Exit codes: 0 success, 2 usage error, 3 a service unreachable, 4 partial failure.\n");
}

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Pixelnest %1: image-processing admin console and engine.\n\n")
            .arg(QLatin1String(kVersion)) +
        describeCommands());
    parser.addOptions({
        {QStringLiteral("postgres"), QStringLiteral("PostgreSQL conninfo or URI."),
         QStringLiteral("CONNINFO")},
        {QStringLiteral("redis"),
         QStringLiteral("Redis URL: redis://[user:password@]host:port/db or unix:///path."),
         QStringLiteral("URL")},
        {QStringLiteral("config"), QStringLiteral("Config file to read instead of the default."),
         QStringLiteral("FILE")},
        {QStringLiteral("dir"), QStringLiteral("Directory of the local stack (local ...)."),
         QStringLiteral("DIR")},
        {QStringLiteral("engine-only"), QStringLiteral("Run the headless engine (no display).")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
        {{QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version.")},
    });
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("A command (see above), or none for the GUI."),
                                 QStringLiteral("[command [args...]]"));
}

} // namespace

QStringList knownCommands()
{
    return {QStringLiteral("local")};
}

CommandLine parseCommandLine(const QStringList& arguments, QCommandLineParser& parser)
{
    addOptions(parser);
    CommandLine line;
    line.parser = &parser;
    // No QCoreApplication exists yet, so Qt cannot know the program's name.
    line.helpText = parser.helpText().replace(QStringLiteral("<executable_name>"),
                                              QStringLiteral("pixelnest"));
    if (!parser.parse(arguments)) {
        line.mode = Mode::UsageError;
        line.error = parser.errorText();
        return line;
    }
    line.connection = {parser.value(QStringLiteral("postgres")),
                       parser.value(QStringLiteral("redis"))};
    line.configFile = parser.isSet(QStringLiteral("config")) ? parser.value(QStringLiteral("config"))
                                                             : defaultConfigFilePath();
    line.stackDir = parser.value(QStringLiteral("dir"));
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help"))) {
        line.mode = Mode::Help;
    } else if (parser.isSet(QStringLiteral("version"))) {
        line.mode = Mode::Version;
    } else if (parser.isSet(QStringLiteral("engine-only"))) {
        line.mode = Mode::EngineOnly;
        line.arguments = positional;
    } else if (positional.isEmpty()) {
        line.mode = Mode::Gui;
    } else if (!knownCommands().contains(positional.first())) {
        line.mode = Mode::UsageError;
        line.error = QStringLiteral("unknown command '%1'").arg(positional.first());
    } else {
        line.mode = Mode::Command;
        line.command = positional.first();
        line.arguments = positional.mid(1);
    }
    return line;
}

} // namespace pixelnest::cli
