#pragma once

#include <QByteArray>
#include <QString>

namespace pixelnest::engine
{

// A job this engine now holds: its row is `processing` with `attempt` as the fencing token.
struct ClaimedJob
{
    qint64 id = 0;
    int attempt = 0;        // fencing token
    int attemptInRound = 0; // 1 for the first try since submit/reprocess
    QString pipeline;
    QString format;
    QString title;
    QByteArray bytes;
};

} // namespace pixelnest::engine
