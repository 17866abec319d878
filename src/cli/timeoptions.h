#pragma once

#include "pixelnest/result.h"

#include <QDateTime>

namespace pixelnest::cli
{

// "30s", "15m", "12h", "7d": a length of time, as --since (and later --older-than) take it.
Result<qint64> parseDurationMs(const QString& text);

// An instant: ISO 8601 ("2026-11-30T10:00:00Z", local time without a zone) or an age before
// `now` ("12h" = twelve hours ago). Usage errors name the accepted forms.
Result<QDateTime> parseInstant(const QString& text, const QDateTime& now);

} // namespace pixelnest::cli
