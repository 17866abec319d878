#include "cli/timeoptions.h"

#include <QRegularExpression>

namespace pixelnest::cli
{

Result<qint64> parseDurationMs(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,9})([smhd])$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1' is not a duration: use a number with s, m, h or d "
                                        "(30m, 12h, 7d)")
                             .arg(text));
    }
    const qint64 count = match.captured(1).toLongLong();
    const QChar unit = match.captured(2).at(0);
    const qint64 unitMs = unit == QLatin1Char('s')   ? 1000
                          : unit == QLatin1Char('m') ? 60'000
                          : unit == QLatin1Char('h') ? 3'600'000
                                                     : 86'400'000;
    return count * unitMs;
}

Result<QDateTime> parseInstant(const QString& text, const QDateTime& now)
{
    if (const Result<qint64> age = parseDurationMs(text); age) {
        return now.addMSecs(-age.value());
    }
    const QDateTime instant = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!instant.isValid()) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("'%1' is neither a time (2026-11-30T10:00:00Z) nor an "
                                        "age (30m, 12h, 7d)")
                             .arg(text));
    }
    return instant;
}

} // namespace pixelnest::cli
