#pragma once

#include "pixelnest/adminservice.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace pixelnest::ui
{

// Polls the queue figures for the dashboard, the filter counts and the status bar through the
// admin service: stats() every `intervalMs`, the per-minute throughput every few polls. A poll is
// skipped while the previous one is still running, so a slow server is never queued up.
class StatsPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPoller)

public:
    StatsPoller(AdminService* service, int intervalMs, QObject* parent = nullptr);

    void start();
    void stop();
    void pollNow(); // soon, e.g. after an action; coalesced with a running poll
    const QueueStats& last() const { return m_last; }
    // The throughput window (the dashboard's selector); the next poll fetches it.
    void setThroughputMinutes(int minutes);
    int throughputMinutes() const { return m_throughputMinutes; }

Q_SIGNALS:
    void statsUpdated(const pixelnest::QueueStats& stats);
    void throughputUpdated(const QList<pixelnest::MinuteCounts>& minutes);
    void pollFailed(const QString& message);

private:
    void poll();

    AdminService* m_service;
    void finishPoll();
    QTimer m_timer;
    QueueStats m_last;
    int m_throughputMinutes = 15;
    bool m_busy = false;
    bool m_again = false;
    int m_polls = 0;
};

} // namespace pixelnest::ui
