#include "image/decodewarnings.h"

#include <QtGlobal>

#include <mutex>

namespace pixelnest::engine
{

namespace
{

thread_local DecodeWarnings* t_capture = nullptr;
thread_local QStringList* t_messages = nullptr;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (t_messages != nullptr && (type == QtWarningMsg || type == QtCriticalMsg)) {
        t_messages->append(message.trimmed());
        return;
    }
    if (g_previous != nullptr) {
        g_previous(type, context, message);
    }
}

void installOnce()
{
    static std::once_flag installed;
    std::call_once(installed, [] { g_previous = qInstallMessageHandler(capture); });
}

} // namespace

DecodeWarnings::DecodeWarnings() : m_outer(t_capture)
{
    installOnce();
    t_capture = this;
    t_messages = &m_messages;
}

DecodeWarnings::~DecodeWarnings()
{
    t_capture = m_outer;
    t_messages = m_outer != nullptr ? &m_outer->m_messages : nullptr;
}

bool DecodeWarnings::dataDamaged() const
{
    // The decoders' own words for data that ends early or is damaged; other warnings (an
    // unusual colour profile, say) leave the image usable and become result warnings.
    static const char* const kDamage[] = {"premature end", "corrupt", "truncated", "crc error",
                                          "unexpected end"};
    for (const QString& message : m_messages) {
        for (const char* word : kDamage) {
            if (message.contains(QLatin1String(word), Qt::CaseInsensitive)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace pixelnest::engine
