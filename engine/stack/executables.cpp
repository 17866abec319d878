#include "stack/executables.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

namespace pixelnest::engine
{

namespace
{

const QString kSetupHint = QStringLiteral("run scripts/setup");

QString newestPostgresBinDir()
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString& a, const QString& b) { return a.toInt() > b.toInt(); });
    for (const QString& version : versions) {
        const QString bin = root.filePath(version + QStringLiteral("/bin"));
        if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable()) {
            return bin;
        }
    }
    return {};
}

} // namespace

Result<QString> findPostgresTool(const QString& name)
{
    const QString override = qEnvironmentVariable("PIXELNEST_PG_BINDIR");
    if (!override.isEmpty()) {
        const QString path = QDir(override).filePath(name);
        if (QFileInfo(path).isExecutable()) {
            return path;
        }
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("%1 not found in PIXELNEST_PG_BINDIR=%2: %3")
                             .arg(name, override, kSetupHint));
    }
    const QString debianDir = newestPostgresBinDir();
    if (!debianDir.isEmpty() && QFileInfo(debianDir + QLatin1Char('/') + name).isExecutable()) {
        return debianDir + QLatin1Char('/') + name;
    }
    const QString onPath = QStandardPaths::findExecutable(name);
    if (!onPath.isEmpty()) {
        return onPath;
    }
    return makeError(ErrorCode::Unavailable,
                     QStringLiteral("%1 not found (PostgreSQL server is not installed): %2")
                         .arg(name, kSetupHint));
}

Result<QString> findRedisServer()
{
    const QString override = qEnvironmentVariable("PIXELNEST_REDIS_SERVER");
    const QString path = override.isEmpty()
                             ? QStandardPaths::findExecutable(QStringLiteral("redis-server"))
                             : override;
    if (!path.isEmpty() && QFileInfo(path).isExecutable()) {
        return path;
    }
    return makeError(ErrorCode::Unavailable,
                     QStringLiteral("redis-server not found: %1").arg(kSetupHint));
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

Command asServerUser(Command command)
{
    if (!runningAsRoot()) {
        return command;
    }
    QStringList arguments{QStringLiteral("--reuid=postgres"), QStringLiteral("--regid=postgres"),
                          QStringLiteral("--init-groups"), QStringLiteral("--"), command.program};
    arguments += command.arguments;
    command.program = QStringLiteral("/usr/bin/setpriv");
    command.arguments = arguments;
    return command;
}

Result<void> giveToServerUser(const QString& path, Service service, Contents contents)
{
    if (!runningAsRoot()) {
        return {};
    }
    const passwd* user = ::getpwnam("postgres");
    if (user == nullptr) {
        return makeError(service, ErrorCode::Unavailable,
                         QStringLiteral("running as root needs the 'postgres' system user to "
                                        "run the local stack's servers: run scripts/setup"));
    }
    QStringList paths{path};
    if (contents == Contents::Too) {
        QDirIterator entries(path, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                             QDirIterator::Subdirectories);
        while (entries.hasNext()) {
            paths.append(entries.next());
        }
    }
    for (const QString& each : paths) {
        if (::chown(QFile::encodeName(each).constData(), user->pw_uid, user->pw_gid) != 0) {
            return makeError(service, ErrorCode::Unavailable,
                             QStringLiteral("cannot give %1 to the postgres user").arg(each));
        }
    }
    return {};
}

Result<QString> runCommand(const Command& command, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!command.workingDirectory.isEmpty()) {
        process.setWorkingDirectory(command.workingDirectory);
    }
    process.start(command.program, command.arguments);
    const QString name = QFileInfo(command.program).fileName();
    if (!process.waitForStarted(timeoutMs)) {
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("could not start %1: %2").arg(name, process.errorString()));
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("%1 did not finish within %2 s").arg(name).arg(timeoutMs / 1000));
    }
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return makeError(ErrorCode::Unavailable, QStringLiteral("%1 failed (exit %2): %3")
                                                     .arg(name)
                                                     .arg(process.exitCode())
                                                     .arg(output));
    }
    return output;
}

} // namespace pixelnest::engine
