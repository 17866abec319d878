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
    int width = 0; // from the header, at submit: what decoding it will cost
    int height = 0;

    // What processing it holds in memory at most: the original, the decoded image and the two
    // full-size copies the stages make (RGB32 for the models, the anonymised copy).
    qint64 memoryCostBytes() const { return bytes.size() + 3 * 4 * qint64(width) * height; }
};

} // namespace pixelnest::engine
