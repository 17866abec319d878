#include "cliprocess.h"

#include "teststack.h"

#include <QUuid>

namespace pixelnest::test
{

CliRun runPixelnest(const QStringList& arguments, const QProcessEnvironment& environment,
                    int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(pixelnestBinary(), arguments);
    CliRun run;
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("pixelnest did not finish");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QProcessEnvironment environmentFor(const QString& postgres, const QString& redis)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PIXELNEST_POSTGRES"), postgres);
    environment.insert(QStringLiteral("PIXELNEST_REDIS"), redis);
    return environment;
}

QProcessEnvironment scratchEnvironment(const QString& prefix)
{
    QProcessEnvironment environment = environmentFor(createScratchDatabase(), redisUrl());
    environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"),
                       prefix + QUuid::createUuid().toString(QUuid::Id128).left(10));
    return environment;
}

} // namespace pixelnest::test
