#include "cli/commandline.h"

#include "cli/commandspec.h"

#include <QFileInfo>

#include <QRegularExpression>

namespace pixelnest::cli
{

namespace
{

const QString kNegativeMarker = QStringLiteral("\x01neg");

void addOptions(QCommandLineParser& parser)
{
    for (const OptionSpec& spec : allOptions()) {
        if (spec.name == QLatin1String("help")) {
            parser.addOption({{QStringLiteral("h"), spec.name}, spec.help});
        } else if (spec.name == QLatin1String("version")) {
            parser.addOption({{QStringLiteral("v"), spec.name}, spec.help});
        } else if (spec.valueName.isEmpty()) {
            parser.addOption(QCommandLineOption(spec.name, spec.help));
        } else {
            parser.addOption(QCommandLineOption(spec.name, spec.help, spec.valueName));
        }
    }
}

// `pixelnest priority -5 12` and `--priority -5`: a negative number is never an option here,
// so hide it from the parser and restore it afterwards.
QStringList protectNegativeNumbers(QStringList arguments)
{
    static const QRegularExpression negative(QStringLiteral("^-[0-9]+$"));
    for (QString& argument : arguments) {
        if (negative.match(argument).hasMatch()) {
            argument = kNegativeMarker + argument;
        }
    }
    return arguments;
}

QString restored(QString text)
{
    return text.startsWith(kNegativeMarker) ? text.mid(kNegativeMarker.size()) : text;
}

void collectOptions(const QCommandLineParser& parser, CommandLine& line)
{
    for (const OptionSpec& spec : allOptions()) {
        if (spec.group == OptionGroup::General || !parser.isSet(spec.name)) {
            continue;
        }
        if (!spec.valueName.isEmpty()) {
            line.values.insert(spec.name, restored(parser.value(spec.name)));
        } else {
            line.flags.append(spec.name);
        }
    }
}

// An option the command does not take is a mistake to point out, not to ignore: `jobs
// --priority 5` must not quietly list everything.
QString misplacedOption(const CommandLine& line, const CommandSpec& command)
{
    for (const QString& name : line.values.keys() + line.flags) {
        const OptionSpec* option = findOption(name);
        if (option != nullptr && !accepts(command, *option)) {
            const QString where = command.name.isEmpty()
                                      ? QStringLiteral("the console")
                                      : QStringLiteral("pixelnest ") + command.name;
            return QStringLiteral("--%1 is not an option of %2 (see: pixelnest help %3)")
                .arg(name, where, command.name.isEmpty() ? QString() : command.name)
                .trimmed();
        }
    }
    return {};
}

// `pixelnest FILE...` (the desktop entry's %F): the first word that names no file or folder.
QString firstMissing(const QStringList& paths)
{
    for (const QString& path : paths) {
        if (!QFileInfo::exists(path)) {
            return path;
        }
    }
    return {};
}

} // namespace

QStringList knownCommands()
{
    QStringList names;
    for (const CommandSpec& command : allCommands()) {
        if (!command.name.isEmpty() && !command.name.startsWith(QLatin1Char('-'))) {
            names.append(command.name);
        }
    }
    return names;
}

CommandLine parseCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    CommandLine line;
    line.helpText = overviewHelp();
    if (!parser.parse(protectNegativeNumbers(arguments))) {
        line.mode = Mode::UsageError;
        line.error = parser.errorText();
        return line;
    }
    collectOptions(parser, line);
    line.connection = {line.value(QStringLiteral("postgres")),
                       line.value(QStringLiteral("redis")),
                       line.value(QStringLiteral("redis-password-file")),
                       line.value(QStringLiteral("redis-ca")),
                       line.value(QStringLiteral("redis-cert")),
                       line.value(QStringLiteral("redis-key"))};
    line.configFile = line.value(QStringLiteral("config"), defaultConfigFilePath());
    QStringList positional;
    for (const QString& argument : parser.positionalArguments()) {
        positional.append(restored(argument));
    }
    const QString first = positional.value(0);
    const bool engine = line.isSet(QStringLiteral("engine-only"));
    const CommandSpec* command =
        engine ? findCommand(QStringLiteral("--engine-only"))
               : findCommand(knownCommands().contains(first) ? first : QString());
    if (first == QLatin1String("help") || parser.isSet(QStringLiteral("help"))) {
        // `pixelnest help submit`, `pixelnest submit --help`, `pixelnest --help`.
        const QString topic = first == QLatin1String("help") ? positional.value(1) : first;
        const CommandSpec* about =
            engine ? command : findCommand(knownCommands().contains(topic) ? topic : QString());
        if (!topic.isEmpty() && !engine && about->name.isEmpty()) {
            line.mode = Mode::UsageError;
            line.error = QStringLiteral("no command '%1' to help with").arg(topic);
            return line;
        }
        line.mode = Mode::Help;
        line.helpText = (about == nullptr || (about->name.isEmpty() && !engine))
                            ? overviewHelp()
                            : commandHelp(*about);
        return line;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        line.mode = Mode::Version;
        return line;
    }
    if (engine && !positional.isEmpty()) {
        line.mode = Mode::UsageError;
        line.error = QStringLiteral("--engine-only takes no command (got '%1')")
                         .arg(positional.join(QLatin1Char(' ')));
        return line;
    }
    if (!engine && !first.isEmpty() && !knownCommands().contains(first)) {
        if (const QString missing = firstMissing(positional); !missing.isEmpty()) {
            line.mode = Mode::UsageError;
            line.error = missing == first
                             ? QStringLiteral("unknown command '%1' (and no such file)").arg(first)
                             : QStringLiteral("no such file or folder: %1").arg(missing);
            return line;
        }
        line.files = positional; // the console, with these in its upload dialog
    }
    if (const QString misplaced = misplacedOption(line, *command); !misplaced.isEmpty()) {
        line.mode = Mode::UsageError;
        line.error = misplaced;
        return line;
    }
    if (engine) {
        line.mode = Mode::EngineOnly;
    } else if (command->name.isEmpty()) {
        line.mode = Mode::Gui;
    } else {
        line.mode = Mode::Command;
        line.command = command->name;
        line.arguments = positional.mid(1);
    }
    return line;
}

} // namespace pixelnest::cli
