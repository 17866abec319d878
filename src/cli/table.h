#pragma once

#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QStringList>

namespace pixelnest::cli
{

// A plain-text table with columns padded to their widest cell, for human-readable output.
QString formatTable(const QStringList& headers, const QList<QStringList>& rows);

// "2026-11-22 10:31:05" in local time, or "-".
QString shortTime(const QDateTime& time);

// Indented JSON on stdout (every --json output).
void printJson(const QJsonDocument& document);

// Shortened to `width` characters with an ellipsis.
QString elided(const QString& text, int width);

} // namespace pixelnest::cli
