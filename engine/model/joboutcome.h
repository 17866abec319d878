#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QPair>
#include <QString>

namespace pixelnest::engine
{

// One attempt of one job: what fencing, leases and results are matched by (an id alone would
// confuse two attempts of the same job held by the same engine).
using AttemptKey = QPair<qint64, int>; // (id, attempt)

enum class Outcome
{
    Completed,
    Failed, // permanent, or transient with attempts exhausted
    Retry,  // transient: back to the queue after retryDelayMs
};

// How one attempt of a claimed job ended, on its way to the result writer.
struct JobOutcome
{
    qint64 id = 0;
    int attempt = 0;
    Outcome outcome = Outcome::Completed;
    QJsonObject result;
    QString error;
    int width = 0;
    int height = 0;
    int retryDelayMs = 0;
    QByteArray thumbnail;  // stored beside the original for the console
    QByteArray anonymised; // faces blurred
};

} // namespace pixelnest::engine
