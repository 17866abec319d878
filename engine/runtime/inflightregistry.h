#pragma once

#include <QHash>
#include <QList>

#include <condition_variable>
#include <mutex>

namespace pixelnest::engine
{

// The ids this engine holds a lease on, from claim to ack: renewed by the heartbeat, bounded
// for backpressure. Thread-safe.
class InFlightRegistry final
{
public:
    void add(const QList<qint64>& ids, qint64 claimedAtMs);
    // Returns when each id was claimed (0 if unknown), removing them.
    QList<qint64> remove(const QList<qint64>& ids);
    QList<qint64> ids() const;
    int size() const;
    // Blocks until fewer than `bound` are held, or timeoutMs passes.
    void waitBelow(int bound, int timeoutMs) const;

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    QHash<qint64, qint64> m_claimedAtMs;
};

} // namespace pixelnest::engine
