#pragma once

#include <QString>

class QCoreApplication;

namespace pixelnest::ui
{

// The console's language: "" follows the system, "en" or "ko" is the user's choice in
// Settings (applied at the next start, when every window is built in it).
QString savedLanguage();
void saveLanguage(const QString& language);

// Installs Pixelnest's translation (from the embedded :/i18n/pixelnest_<lang>.qm) and Qt's
// own for `language` (empty: the system's UI languages). Returns the language loaded, or an
// empty string when none matched (the source strings, English, stay).
QString installTranslations(QCoreApplication& app, const QString& language);

} // namespace pixelnest::ui
