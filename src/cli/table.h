#pragma once

#include <QDateTime>
#include <QJsonArray>
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

// Text on stdout.
void printText(const QString& text);

// A list command's output: with --json (`asJson`) an indented array of toJson(item), else a
// table of toRow(item) under `headers`.
template <typename T, typename ToJson, typename ToRow>
void printList(const QList<T>& items, bool asJson, ToJson toJson, const QStringList& headers,
               ToRow toRow)
{
    if (asJson) {
        QJsonArray array;
        for (const T& item : items) {
            array.append(toJson(item));
        }
        printJson(QJsonDocument(array));
        return;
    }
    QList<QStringList> rows;
    for (const T& item : items) {
        rows.append(toRow(item));
    }
    printText(formatTable(headers, rows));
}

// Shortened to `width` characters with an ellipsis.
QString elided(const QString& text, int width);

} // namespace pixelnest::cli
