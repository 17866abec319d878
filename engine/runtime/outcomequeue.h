#pragma once

#include "model/joboutcome.h"

#include <QList>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace pixelnest::engine
{

// Finished jobs on their way from the pipeline pool to the result writer. Thread-safe.
class OutcomeQueue final
{
public:
    void push(JobOutcome outcome);
    // Waits up to waitMs for the first outcome; then, only while more outcomes are on their way
    // (`expected` counts the jobs still held), up to lingerMs for the batch to fill: fewer
    // transactions under load, no added latency for a lone job.
    QList<JobOutcome> takeBatch(int maxCount, int waitMs, int lingerMs,
                                const std::function<int()>& expected);
    int size() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_pushed;
    std::deque<JobOutcome> m_outcomes;
};

} // namespace pixelnest::engine
