#include "runtime/outagelog.h"

#include "pixelnest/logging.h"

#include <QThread>

namespace pixelnest::engine
{

OutageLog::OutageLog(QString component) : m_component(std::move(component)) {}

void OutageLog::failed(const Error& error)
{
    if (!m_paused) {
        m_paused = true;
        qCWarning(lcRuntime).noquote()
            << QStringLiteral("%1 paused: %2; it resumes by itself when the service is back")
                   .arg(m_component, error.message);
    }
    m_backoffMs = qBound(250, m_backoffMs * 2, 5000);
    QThread::msleep(ulong(m_backoffMs));
}

void OutageLog::succeeded()
{
    if (m_paused) {
        m_paused = false;
        qCInfo(lcRuntime).noquote() << QStringLiteral("%1 resumed").arg(m_component);
    }
    m_backoffMs = 0;
}

} // namespace pixelnest::engine
