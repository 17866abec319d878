#include "core/settings.h"

namespace pixelnest::ui
{

std::unique_ptr<QSettings> openSettings()
{
    return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                       QStringLiteral("pixelnest"), QStringLiteral("console"));
}

} // namespace pixelnest::ui
