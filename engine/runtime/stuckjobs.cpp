#include "runtime/stuckjobs.h"

namespace pixelnest::engine
{

void StuckJobs::add(const AttemptKey& key, qint64 claimedAtMs, qint64 timeoutMs)
{
    std::lock_guard lock(m_mutex);
    m_stuck.insert(key, {claimedAtMs, timeoutMs});
}

void StuckJobs::resolve(const AttemptKey& key)
{
    std::lock_guard lock(m_mutex);
    m_stuck.remove(key);
}

int StuckJobs::count() const
{
    std::lock_guard lock(m_mutex);
    return int(m_stuck.size());
}

qint64 StuckJobs::pastTwiceTheTimeout(qint64 nowMs) const
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_stuck.cbegin(); it != m_stuck.cend(); ++it) {
        if (nowMs - it->claimedAtMs > 2 * it->timeoutMs) {
            return it.key().first;
        }
    }
    return 0;
}

} // namespace pixelnest::engine
