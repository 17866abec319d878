#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace pixelnest::engine
{

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
