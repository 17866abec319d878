#include "cli/table.h"

#include <QDateTime>
#include <QTextStream>

namespace pixelnest::cli
{

QString formatTable(const QStringList& headers, const QList<QStringList>& rows)
{
    QList<int> widths;
    for (const QString& header : headers) {
        widths.append(int(header.size()));
    }
    for (const QStringList& row : rows) {
        for (qsizetype column = 0; column < row.size() && column < widths.size(); ++column) {
            widths[column] = qMax(widths[column], int(row[column].size()));
        }
    }
    const auto line = [&widths](const QStringList& cells) {
        QString text;
        for (qsizetype column = 0; column < cells.size(); ++column) {
            const bool last = column + 1 == cells.size();
            text += last ? cells[column] : cells[column].leftJustified(widths[column] + 2);
        }
        return text.trimmed() + QLatin1Char('\n');
    };
    QString table = line(headers);
    for (const QStringList& row : rows) {
        table += line(row);
    }
    return table;
}

QString shortTime(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QStringLiteral("-");
}

QString elided(const QString& text, int width)
{
    const QString flat = QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return flat.size() <= width ? flat : flat.left(width - 1) + QChar(0x2026);
}

void printText(const QString& text)
{
    QTextStream(stdout) << text;
}

void printJson(const QJsonDocument& document)
{
    QTextStream(stdout) << document.toJson(QJsonDocument::Indented);
}

} // namespace pixelnest::cli
