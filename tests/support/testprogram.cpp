#include "testprogram.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace pixelnest::test
{

TestProgramRun runTestProgram(const QString& name, const QMap<QString, QString>& environment,
                              int timeoutMs)
{
    QProcess program;
    QProcessEnvironment merged = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
        merged.insert(it.key(), it.value());
    }
    program.setProcessEnvironment(merged);
    program.setProcessChannelMode(QProcess::MergedChannels);
    program.start(qEnvironmentVariable("PIXELNEST_BUILD_DIR") + QStringLiteral("/tests/") + name,
                  {});
    const bool finished = program.waitForFinished(timeoutMs);
    TestProgramRun run;
    run.output = QString::fromLocal8Bit(program.readAll());
    run.passed = finished && program.exitStatus() == QProcess::NormalExit &&
                 program.exitCode() == 0 && run.output.contains(QStringLiteral(" 0 failed"));
    return run;
}

QString TestProgramRun::failures() const
{
    QStringList shown;
    const QStringList lines = output.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].startsWith(QLatin1String("FAIL!"))) {
            shown += lines.mid(i, 4); // the failure, its values and its location
        }
    }
    shown.append(output.right(3000));
    return shown.join(QLatin1Char('\n'));
}

} // namespace pixelnest::test
