#include "core/serverdescription.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace pixelnest::ui
{

// "PostgreSQL pixelnest on db.example.com:5432": the database and where, never a password.
QString describePostgres(const QString& conninfo)
{
    QString host;
    QString port;
    QString database;
    // A URI only as libpq sees one, by its prefix: anything else is keyword=value text, even
    // with a "://" inside (found by bench/fuzz).
    static const QRegularExpression uriPrefix(QStringLiteral("^postgres(?:ql)?://"));
    if (uriPrefix.match(conninfo).hasMatch()) {
        const QUrl url(conninfo);
        host = url.host();
        port = url.port() > 0 ? QString::number(url.port()) : QString();
        database = url.path().mid(1);
    } else {
        const auto value = [&conninfo](const char* key) {
            const QRegularExpression pattern(
                QStringLiteral("(?:^|\\s)%1\\s*=\\s*(\\S+)").arg(QLatin1String(key)));
            // libpq skips blanks after '=': in "dbname= password=secret" the database "name"
            // is the password (found by bench/fuzz). No host, port or database name holds an
            // '=', so such a value is never shown.
            const QString found = pattern.match(conninfo).captured(1).remove(QLatin1Char('\''));
            return found.contains(QLatin1Char('=')) ? QStringLiteral("?") : found;
        };
        host = value("host");
        port = value("port");
        database = value("dbname");
    }
    const QString where =
        host.isEmpty() || host.startsWith(QLatin1Char('/'))
            ? QCoreApplication::translate("pixelnest::ui::ConsoleSession", "local socket")
            : (port.isEmpty() ? host : host + QLatin1Char(':') + port);
    return QCoreApplication::translate("pixelnest::ui::ConsoleSession", "PostgreSQL %1 on %2")
        .arg(database, where);
}

QString describeRedis(const QString& address)
{
    const QUrl url(address);
    const QString where =
        url.scheme() == QLatin1String("unix")
            ? QCoreApplication::translate("pixelnest::ui::ConsoleSession", "local socket")
            : url.host() + QLatin1Char(':') + QString::number(url.port(6379));
    return QCoreApplication::translate("pixelnest::ui::ConsoleSession", "Redis on %1").arg(where);
}

} // namespace pixelnest::ui
