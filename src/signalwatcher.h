#pragma once

#include <QObject>

class QSocketNotifier;

namespace pixelnest
{

// SIGTERM/SIGINT → the Qt signal terminationRequested() on the thread that owns this object,
// through a self-pipe (the only async-signal-safe way out of a handler).
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace pixelnest
