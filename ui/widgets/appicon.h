#pragma once

#include <QIcon>

namespace pixelnest::ui
{

// resources/icons/pixelnest.svg drawn with QPainter: Debian's Qt has no SVG image plugin
// unless qt6-svg is installed, and the window icon must not depend on it.
QIcon appIcon();

} // namespace pixelnest::ui
