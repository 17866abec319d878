#pragma once

#include "pixelnest/jobs.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

namespace pixelnest::ui
{

// How a job status looks everywhere in the console: a translated name, a colour that reads on
// the current palette (light or dark), and an icon drawn in that colour (the seed admin's
// ⏳/🔄/✅/❌, as shapes: no emoji font is needed).
QString statusLabel(JobStatus status);
QColor statusColor(JobStatus status, const QPalette& palette);
QIcon statusIcon(JobStatus status, const QPalette& palette);

// The system's dark mode shows as a dark window colour: every custom colour follows it.
bool isDarkPalette(const QPalette& palette);

// Colours of the charts' series on this palette.
QColor completedColor(const QPalette& palette);
QColor failedColor(const QPalette& palette);

} // namespace pixelnest::ui
