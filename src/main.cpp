// The composition root: decides from argv, before any Q*Application exists, whether this process
// is the GUI (QApplication), the headless engine or a CLI command (QCoreApplication). The
// headless paths never touch ui/.
#include "cli/auditcommand.h"
#include "cli/bulkcommands.h"
#include "cli/commandline.h"
#include "cli/commandspec.h"
#include "cli/controlcommands.h"
#include "cli/enginecommand.h"
#include "cli/exitcodes.h"
#include "cli/localcommand.h"
#include "cli/purgecommands.h"
#include "cli/querycommands.h"
#include "cli/schemacommands.h"
#include "cli/submitcommand.h"
#include "gui.h"
#include "pixelnest/connectionconfig.h"
#include "pixelnest/version.h"

#include <QCoreApplication>
#include <QHash>
#include <QTextStream>

#include <functional>

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

// `pixelnest completion bash`: the script the package installs, made from the command table.
int runCompletionCommand(const CommandLine& line)
{
    if (line.arguments != QStringList{QStringLiteral("bash")}) {
        QTextStream(stderr) << "pixelnest completion: only `pixelnest completion bash` exists\n";
        return kExitUsage;
    }
    QTextStream(stdout) << bashCompletion();
    return kExitOk;
}

int runHeadless(int argc, char** argv, const CommandLine& line)
{
    QCoreApplication app(argc, argv);
    if (line.mode == Mode::EngineOnly) {
        return runEngineCommand(line);
    }
    static const QHash<QString, std::function<int(const CommandLine&)>> commands{
        {QStringLiteral("local"), runLocalCommand},
        {QStringLiteral("submit"), runSubmitCommand},
        {QStringLiteral("jobs"), runJobsCommand},
        {QStringLiteral("show"), runShowCommand},
        {QStringLiteral("priority"), runPriorityCommand},
        {QStringLiteral("reprocess"), runReprocessCommand},
        {QStringLiteral("cancel"), runCancelCommand},
        {QStringLiteral("stats"), runStatsCommand},
        {QStringLiteral("retry"), runRetryCommand},
        {QStringLiteral("workers"), runWorkersCommand},
        {QStringLiteral("pause"), runPauseCommand},
        {QStringLiteral("resume"), runResumeCommand},
        {QStringLiteral("drain"), runDrainCommand},
        {QStringLiteral("limit"), runLimitCommand},
        {QStringLiteral("purge"), runPurgeCommand},
        {QStringLiteral("retention"), runRetentionCommand},
        {QStringLiteral("migrate"), runMigrateCommand},
        {QStringLiteral("roles"), runRolesCommand},
        {QStringLiteral("audit"), runAuditCommand},
        {QStringLiteral("completion"), runCompletionCommand},
    };
    return commands.value(line.command)(line);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("pixelnest"));
    QCoreApplication::setOrganizationName(QStringLiteral("pixelnest"));
    QCoreApplication::setApplicationVersion(QLatin1String(kVersion));

    const CommandLine line = parseCommandLine(argumentsOf(argc, argv));
    // Shown in pg_stat_activity and in the audit trail's `client`.
    setPostgresClientName(line.mode == Mode::EngineOnly ? QStringLiteral("pixelnest engine")
                          : line.mode == Mode::Gui      ? QStringLiteral("pixelnest console")
                                                   : QStringLiteral("pixelnest ") + line.command);
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
