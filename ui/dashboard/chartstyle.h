#pragma once

#include <QPalette>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace pixelnest::ui
{

// Charts follow the window's palette (the system's light or dark mode): the matching Qt
// Charts theme, the window colour behind, and the palette's text colour on axes and legend.
void applyChartPalette(QChart* chart, const QPalette& palette);

} // namespace pixelnest::ui
