#include "runtime/inflightregistry.h"

#include <chrono>

namespace pixelnest::engine
{

void InFlightRegistry::add(const QList<HeldLease>& leases)
{
    std::lock_guard lock(m_mutex);
    for (const HeldLease& lease : leases) {
        m_held.insert({lease.id, lease.attempt}, lease);
        m_memoryBytes += lease.memoryCostBytes;
    }
}

QList<HeldLease> InFlightRegistry::take(const QList<AttemptKey>& keys)
{
    QList<HeldLease> taken;
    {
        std::lock_guard lock(m_mutex);
        for (const AttemptKey& key : keys) {
            taken.append(m_held.take(key));
            m_memoryBytes -= taken.constLast().memoryCostBytes;
        }
    }
    m_changed.notify_all();
    return taken;
}

QList<Lease> InFlightRegistry::leases() const
{
    std::lock_guard lock(m_mutex);
    QList<Lease> leases;
    leases.reserve(m_held.size());
    for (const HeldLease& held : m_held) {
        leases.append({held.id, held.token});
    }
    return leases;
}

QList<HeldLease> InFlightRegistry::takeOverdue(qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    QList<HeldLease> overdue;
    for (HeldLease& held : m_held) {
        if (held.deadlineMs > 0 && nowMs > held.deadlineMs) {
            overdue.append(held);
            held.deadlineMs = 0;
        }
    }
    return overdue;
}

qint64 InFlightRegistry::memoryInUseBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_memoryBytes;
}

int InFlightRegistry::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_held.size());
}

void InFlightRegistry::waitBelow(int bound, int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                       [&] { return m_held.size() < bound; });
}

} // namespace pixelnest::engine
