// The composition root: decides from argv, before any Q*Application exists, whether this process
// is the GUI (QApplication), the headless engine or a CLI command (QCoreApplication). The
// headless paths never touch ui/.
#include "cli/commandline.h"
#include "cli/exitcodes.h"
#include "cli/localcommand.h"
#include "gui.h"
#include "pixelnest/version.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace pixelnest;
using namespace pixelnest::cli;

namespace
{

QStringList argumentsOf(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    return arguments;
}

int runHeadless(int argc, char** argv, const CommandLine& line)
{
    QCoreApplication app(argc, argv);
    if (line.command == QLatin1String("local")) {
        return runLocalCommand(line);
    }
    QTextStream(stderr) << "pixelnest: --engine-only is not available in this build\n";
    return kExitUsage;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("pixelnest"));
    QCoreApplication::setOrganizationName(QStringLiteral("pixelnest"));
    QCoreApplication::setApplicationVersion(QLatin1String(kVersion));

    QCommandLineParser parser;
    const CommandLine line = parseCommandLine(argumentsOf(argc, argv), parser);
    switch (line.mode) {
    case Mode::Help:
        QTextStream(stdout) << line.helpText;
        return kExitOk;
    case Mode::Version:
        QTextStream(stdout) << "pixelnest " << kVersion << '\n';
        return kExitOk;
    case Mode::UsageError:
        QTextStream(stderr) << "pixelnest: " << line.error << "\nTry 'pixelnest --help'.\n";
        return kExitUsage;
    case Mode::Gui:
        return runGui(argc, argv, line);
    case Mode::EngineOnly:
    case Mode::Command:
        return runHeadless(argc, argv, line);
    }
    return kExitUsage;
}
