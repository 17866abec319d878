#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace pixelnest::cli
{

// Every option of the binary, once: its value's name (empty for a flag), its help, and the
// group that decides which commands accept it.
enum class OptionGroup
{
    Connection, // every command but `local`, the engine and the console
    Engine,     // the engine and the console (whose in-process engine takes them)
    Upload,     // submit, the engine (decode limits) and the console
    Own,        // only the commands that list it
    General,    // --help, --version: everywhere
};

struct OptionSpec
{
    QString name;
    QString valueName;
    QString help;
    OptionGroup group;
};

// One command: `name` as typed ("submit"), or the two modes without a command word: the
// console ("") and the engine ("--engine-only").
struct CommandSpec
{
    QString name;
    QString synopsis; // after "pixelnest "
    QString summary;  // one sentence
    QStringList own;  // its Own options
    bool connection = true;
    bool engine = false;
    bool upload = false;
};

const std::vector<OptionSpec>& allOptions();
const std::vector<CommandSpec>& allCommands(); // the console and the engine first
const CommandSpec* findCommand(const QString& name);
const OptionSpec* findOption(const QString& name);

// Whether `command` takes `option`.
bool accepts(const CommandSpec& command, const OptionSpec& option);

// `pixelnest --help`: every command's synopsis, then every option.
QString overviewHelp();
// `pixelnest submit --help` / `pixelnest help submit`: the synopsis, the summary and the
// options the command takes, connection options summarised in one line.
QString commandHelp(const CommandSpec& command);
// `pixelnest completion bash`: a bash-completion script for commands, their options and the
// values they take (files, directories, statuses, pipelines, devices).
QString bashCompletion();

} // namespace pixelnest::cli
