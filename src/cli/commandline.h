#pragma once

#include "pixelnest/connectionconfig.h"

#include <QCommandLineParser>
#include <QHash>
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
    QString command;       // subcommand name when mode == Command
    QStringList arguments; // positional arguments after the subcommand
    QStringList files;     // `pixelnest FILE...`: the console opens with these to upload
    QString error;         // when mode == UsageError
    ConnectionFlags connection;
    QString configFile;
    QString helpText;
    QHash<QString, QString> values; // options given with a value, by long name
    QStringList flags;              // options given without a value

    bool isSet(const QString& name) const { return flags.contains(name) || values.contains(name); }
    QString value(const QString& name, const QString& fallback = {}) const
    {
        return values.value(name, fallback);
    }
};

// The subcommands this binary knows, for --help and for rejecting typos.
QStringList knownCommands();

CommandLine parseCommandLine(const QStringList& arguments);

} // namespace pixelnest::cli
