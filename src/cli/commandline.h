#pragma once

#include "pixelnest/connectionconfig.h"

#include <QCommandLineParser>
#include <QStringList>

namespace pixelnest::cli
{

enum class Mode
{
    Gui,
    EngineOnly,
    Command, // a subcommand such as `local` or `submit`
    Help,
    Version,
    UsageError,
};

// Everything parsed from argv, decided before any QApplication exists.
struct CommandLine
{
    Mode mode = Mode::Gui;
    QString command;          // subcommand name when mode == Command
    QStringList arguments;    // positional arguments after the subcommand
    QString error;            // when mode == UsageError
    ConnectionFlags connection;
    QString configFile;
    QString stackDir;         // --dir for `local`
    QString helpText;
    const QCommandLineParser* parser = nullptr;
};

// The subcommands this binary knows, for --help and for rejecting typos.
QStringList knownCommands();

// Parses `arguments` (argv as strings). The parser must outlive the result.
CommandLine parseCommandLine(const QStringList& arguments, QCommandLineParser& parser);

} // namespace pixelnest::cli
