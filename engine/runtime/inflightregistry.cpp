#include "runtime/inflightregistry.h"

#include <chrono>

namespace pixelnest::engine
{

void InFlightRegistry::add(const QList<qint64>& ids, qint64 claimedAtMs)
{
    std::lock_guard lock(m_mutex);
    for (qint64 id : ids) {
        m_claimedAtMs.insert(id, claimedAtMs);
    }
}

QList<qint64> InFlightRegistry::remove(const QList<qint64>& ids)
{
    QList<qint64> claimedAt;
    {
        std::lock_guard lock(m_mutex);
        for (qint64 id : ids) {
            claimedAt.append(m_claimedAtMs.take(id));
        }
    }
    m_changed.notify_all();
    return claimedAt;
}

QList<qint64> InFlightRegistry::ids() const
{
    std::lock_guard lock(m_mutex);
    return m_claimedAtMs.keys();
}

int InFlightRegistry::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_claimedAtMs.size());
}

void InFlightRegistry::waitBelow(int bound, int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                       [&] { return m_claimedAtMs.size() < bound; });
}

} // namespace pixelnest::engine
