#pragma once

#include "pixelnest/result.h"

#include <QString>

namespace pixelnest::engine
{

// Turns a stream of successes and failures into one log line when a service goes away
// ("paused: ...") and one when it comes back ("resumed"), and sleeps with backoff meanwhile.
class OutageLog final
{
public:
    explicit OutageLog(QString component);

    // Logs the pause once, then sleeps (250 ms doubling to 5 s).
    void failed(const Error& error);
    void succeeded();
    bool paused() const { return m_paused; }

private:
    QString m_component;
    bool m_paused = false;
    int m_backoffMs = 0;
};

} // namespace pixelnest::engine
