#include "core/statspoller.h"

namespace pixelnest::ui
{

namespace
{

constexpr int kThroughputEvery = 3; // polls

} // namespace

StatsPoller::StatsPoller(AdminService* service, int intervalMs, QObject* parent)
    : QObject(parent), m_service(service)
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
    m_service->stats().then(this, [this, withThroughput](const Result<QueueStats>& stats) {
        if (!stats) {
            Q_EMIT pollFailed(stats.error().message);
            finishPoll();
            return;
        }
        m_last = stats.value();
        Q_EMIT statsUpdated(m_last);
        if (!withThroughput) {
            finishPoll();
            return;
        }
        m_service->finishedPerMinute(m_throughputMinutes)
            .then(this, [this](const Result<QList<MinuteCounts>>& minutes) {
                if (minutes) {
                    Q_EMIT throughputUpdated(minutes.value());
                } else {
                    Q_EMIT pollFailed(minutes.error().message);
                }
                finishPoll();
            });
    });
}

void StatsPoller::setThroughputMinutes(int minutes)
{
    m_throughputMinutes = minutes;
    m_polls = 0; // the next poll fetches the throughput too
    pollNow();
}

void StatsPoller::finishPoll()
{
    m_busy = false;
    if (m_again) {
        m_again = false;
        poll();
    }
}

} // namespace pixelnest::ui
