#pragma once

#include <QWidget>

class QLabel;

namespace pixelnest::ui
{

// The status bar's connection state: a coloured dot and where the console is connected, or
// what is lost ("read-only until it returns").
class ConnectionIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionIndicator)

public:
    enum class State
    {
        Connecting,
        Connected,
        Degraded, // Redis lost: still writable, figures stale
        Lost,     // PostgreSQL lost: read-only
    };

    explicit ConnectionIndicator(QWidget* parent = nullptr);

    void setState(State state, const QString& text, const QString& details = {});
    State state() const { return m_state; }
    QString text() const;

private:
    QLabel* m_dot = nullptr;
    QLabel* m_text = nullptr;
    State m_state = State::Connecting;
};

} // namespace pixelnest::ui
