#pragma once

#include <QSettings>

#include <memory>

namespace pixelnest::ui
{

// The console's own settings file ($XDG_CONFIG_HOME/pixelnest/console.conf): window layout,
// language, the saved connection (never a password: those go to the system keychain). Kept
// apart from the CLI's pixelnest.conf, which QSettings' default name would collide with.
std::unique_ptr<QSettings> openSettings();

} // namespace pixelnest::ui
