#include "core/statspoller.h"

#include "core/adminlane.h"

#include <QPair>

namespace pixelnest::ui
{

namespace
{

constexpr int kThroughputEvery = 3; // polls

using Figures = QPair<QueueStats, std::optional<QList<MinuteCounts>>>;

} // namespace

StatsPoller::StatsPoller(AdminLane* lane, int intervalMs, QObject* parent)
    : QObject(parent), m_lane(lane)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StatsPoller::poll);
}

void StatsPoller::start()
{
    m_polls = 0;
    m_timer.start();
    poll();
}

void StatsPoller::stop()
{
    m_timer.stop();
}

void StatsPoller::pollNow()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    poll();
}

void StatsPoller::poll()
{
    if (m_busy) {
        return;
    }
    m_busy = true;
    const bool withThroughput = m_polls++ % kThroughputEvery == 0;
    m_lane
        ->run<Figures>([withThroughput](AdminClient& client) -> Result<Figures> {
            Result<QueueStats> stats = client.stats();
            if (!stats) {
                return stats.error();
            }
            Figures figures{stats.value(), std::nullopt};
            if (withThroughput) {
                Result<QList<MinuteCounts>> minutes = client.finishedPerMinute(kThroughputMinutes);
                if (!minutes) {
                    return minutes.error();
                }
                figures.second = minutes.value();
            }
            return figures;
        })
        .then(this, [this](const Result<Figures>& figures) {
            m_busy = false;
            if (!figures) {
                Q_EMIT pollFailed(figures.error().message);
            } else {
                m_last = figures->first;
                Q_EMIT statsUpdated(m_last);
                if (figures->second) {
                    Q_EMIT throughputUpdated(*figures->second);
                }
            }
            if (m_again) {
                m_again = false;
                poll();
            }
        });
}

} // namespace pixelnest::ui
