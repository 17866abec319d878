#pragma once

#include "pixelnest/jobs.h"

#include <QObject>

namespace pixelnest::ui
{

// Turns the polled figures into the few events worth interrupting someone for: failures
// spiking (at least `kSpikeFailures` new failures since the previous figures, and more than
// half of what finished meanwhile) and the last live engine going away while jobs wait. Each
// fires once per episode: again only after things were fine in between.
class AlertWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertWatcher)

public:
    explicit AlertWatcher(QObject* parent = nullptr) : QObject(parent) {}

    void observe(const QueueStats& stats);
    static constexpr qint64 kSpikeFailures = 10;

Q_SIGNALS:
    void alert(const QString& title, const QString& message);

private:
    bool m_seen = false;
    qint64 m_failed = 0;
    qint64 m_completed = 0;
    int m_liveEngines = 0;
    bool m_spiking = false;
    bool m_enginesGone = false;
};

} // namespace pixelnest::ui
