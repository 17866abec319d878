#include "model/queuedjob.h"

namespace pixelnest::engine
{

QByteArray leaseToken(const QByteArray& owner, int attempt)
{
    return owner + ":a" + QByteArray::number(attempt);
}

int attemptOfToken(const QByteArray& token)
{
    const qsizetype colon = token.lastIndexOf(':');
    if (colon < 0 || token.size() < colon + 3 || token.at(colon + 1) != 'a') {
        return 0;
    }
    bool ok = false;
    const int attempt = token.mid(colon + 2).toInt(&ok);
    return ok && attempt > 0 ? attempt : 0;
}

} // namespace pixelnest::engine
