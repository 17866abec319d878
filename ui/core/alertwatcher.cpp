#include "core/alertwatcher.h"

#include <algorithm>

namespace pixelnest::ui
{

void AlertWatcher::observe(const QueueStats& stats)
{
    const qint64 failed = stats.counts.value(JobStatus::Failed);
    const qint64 completed = stats.counts.value(JobStatus::Completed);
    const int live = int(std::count_if(stats.workers.cbegin(), stats.workers.cend(),
                                       [](const WorkerInfo& worker) { return worker.alive; }));
    const qint64 waiting = stats.counts.value(JobStatus::Queued);
    if (m_seen) {
        // Purges and reprocessing lower the totals: only growth counts.
        const qint64 newFailures = qMax<qint64>(0, failed - m_failed);
        const qint64 newSuccesses = qMax<qint64>(0, completed - m_completed);
        const bool spiking = newFailures >= kSpikeFailures && newFailures > newSuccesses;
        if (spiking && !m_spiking) {
            Q_EMIT alert(tr("Failures are spiking"),
                         tr("%n job(s) failed since the last figures; open the console's "
                            "Failed filter to see why.",
                            "", int(newFailures)));
        }
        m_spiking = spiking;
        const bool gone = m_liveEngines > 0 && live == 0;
        if (gone && !m_enginesGone && waiting > 0) {
            Q_EMIT alert(tr("No engine is running"),
                         tr("The last live engine went away; %n job(s) wait.", "", int(waiting)));
            m_enginesGone = true;
        }
        if (live > 0) {
            m_enginesGone = false;
        }
    }
    m_seen = true;
    m_failed = failed;
    m_completed = completed;
    m_liveEngines = live;
}

} // namespace pixelnest::ui
