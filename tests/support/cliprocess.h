#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace pixelnest::test
{

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the pixelnest binary with `arguments` and waits (up to timeoutMs) for it to finish.
CliRun
runPixelnest(const QStringList& arguments,
             const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
             int timeoutMs = 120'000);

// The environment pointing the CLI at the fixture's stack (or another conninfo).
QProcessEnvironment environmentFor(const QString& postgres, const QString& redis);

// A fresh scratch database and a namespace of its own (`prefix` + random), through the
// environment as users set them.
QProcessEnvironment scratchEnvironment(const QString& prefix);

} // namespace pixelnest::test
