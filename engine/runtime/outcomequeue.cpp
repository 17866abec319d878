#include "runtime/outcomequeue.h"

#include <chrono>

namespace pixelnest::engine
{

void OutcomeQueue::push(JobOutcome outcome)
{
    {
        std::lock_guard lock(m_mutex);
        m_outcomes.push_back(std::move(outcome));
    }
    m_pushed.notify_one();
}

QList<JobOutcome> OutcomeQueue::takeBatch(int maxCount, int waitMs, int lingerMs,
                                          const std::function<int()>& expected)
{
    std::unique_lock lock(m_mutex);
    if (!m_pushed.wait_for(lock, std::chrono::milliseconds(waitMs),
                           [&] { return !m_outcomes.empty(); })) {
        return {};
    }
    const int target = qMin(maxCount, expected());
    m_pushed.wait_for(lock, std::chrono::milliseconds(lingerMs),
                      [&] { return int(m_outcomes.size()) >= target; });
    QList<JobOutcome> batch;
    while (!m_outcomes.empty() && batch.size() < maxCount) {
        batch.append(std::move(m_outcomes.front()));
        m_outcomes.pop_front();
    }
    return batch;
}

int OutcomeQueue::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_outcomes.size());
}

} // namespace pixelnest::engine
