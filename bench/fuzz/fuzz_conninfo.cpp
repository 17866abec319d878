// PostgreSQL conninfo strings and URIs, as the console describes them in its status bar. Beyond
// not crashing: a password in the conninfo never appears in what the status bar shows.
#include "core/serverdescription.h"

#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>

namespace
{

// The password as libpq would read it: in a URI the `user:password@` or a `password=` query
// parameter, else a `password=` keyword. Only when the same text appears nowhere else in the
// conninfo (a host named like the password may show).
QString passwordIn(const QString& conninfo)
{
    // A keyword starts the string or follows whitespace, as libpq parses it.
    static const QRegularExpression keyword(
        QStringLiteral("(?:^|\\s)password\\s*=\\s*'?([^'\\s]+)"));
    static const QRegularExpression userinfo(
        QStringLiteral("^postgres(?:ql)?://[^:@/?]*:([^@/?]+)@"));
    static const QRegularExpression query(QStringLiteral("[?&]password=([^&#]+)"));
    static const QRegularExpression uriPrefix(QStringLiteral("^postgres(?:ql)?://"));
    const bool isUri = uriPrefix.match(conninfo).hasMatch();
    const QList<const QRegularExpression*> patterns =
        isUri ? QList<const QRegularExpression*>{&userinfo, &query}
              : QList<const QRegularExpression*>{&keyword};
    for (const QRegularExpression* pattern : patterns) {
        const QRegularExpressionMatch match = pattern->match(conninfo);
        if (match.hasMatch()) {
            QString rest = conninfo;
            rest.remove(match.capturedStart(1), match.capturedLength(1));
            return rest.contains(match.captured(1)) ? QString() : match.captured(1);
        }
    }
    return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString conninfo = QString::fromUtf8(reinterpret_cast<const char*>(data), int(size));
    const QString shown = pixelnest::ui::describePostgres(conninfo);
    const QString password = passwordIn(conninfo);
    if (password.size() >= 6 && shown.contains(password)) {
        std::abort(); // a password reached the status bar
    }
    (void)pixelnest::ui::describeRedis(conninfo);
    return 0;
}
