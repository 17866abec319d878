#pragma once

#include <QMap>
#include <QString>

namespace pixelnest::test
{

// Another test program of this build (tests/NAME), run whole with `environment` added to this
// process's (another Redis, a sharded queue). Its output, and whether it passed every test.
struct TestProgramRun
{
    bool passed = false;
    QString output;
    // What to show when it failed: each failure with its location, then the output's end.
    QString failures() const;
};
TestProgramRun runTestProgram(const QString& name, const QMap<QString, QString>& environment,
                              int timeoutMs = 400'000);

} // namespace pixelnest::test
