#pragma once

#include "model/joboutcome.h"

#include <QHash>

#include <mutex>

namespace pixelnest::engine
{

// Attempts that ran past their deadline: their job has been given up on (retried or failed
// with "timed out after N s") while the pool thread may still sit in a decoder or a model that
// cannot be interrupted. Such a worker is stuck until its task returns. Thread-safe.
class StuckJobs final
{
public:
    void add(const AttemptKey& key, qint64 claimedAtMs, qint64 timeoutMs);
    void resolve(const AttemptKey& key); // the task returned at last
    int count() const;
    // The longest-stuck attempt has run for more than twice its timeout: the engine is not fit
    // for more work (/readyz). Returns its id, or 0.
    qint64 pastTwiceTheTimeout(qint64 nowMs) const;

private:
    struct Entry
    {
        qint64 claimedAtMs = 0;
        qint64 timeoutMs = 0;
    };
    mutable std::mutex m_mutex;
    QHash<AttemptKey, Entry> m_stuck;
};

} // namespace pixelnest::engine
