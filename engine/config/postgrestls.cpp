#include "pixelnest/postgrestls.h"

#include "config/loopbackhost.h"

#include <QList>
#include <QPair>

#include <libpq-fe.h>

namespace pixelnest
{

namespace
{

using Settings = QList<QPair<QByteArray, QString>>;

// Every keyword the conninfo sets, in libpq's order; nullopt-like empty list on a parse error.
bool parse(const QString& conninfo, Settings& settings)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.toUtf8().constData(), &error);
    if (options == nullptr) {
        PQfreemem(error);
        return false;
    }
    for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        if (option->val != nullptr && option->val[0] != '\0') {
            settings.append({option->keyword, QString::fromUtf8(option->val)});
        }
    }
    PQconninfoFree(options);
    return true;
}

QString valueOf(const Settings& settings, const char* keyword)
{
    for (const auto& [key, value] : settings) {
        if (key == keyword) {
            return value;
        }
    }
    return {};
}

// keyword='value' with libpq's quoting (backslash before ' and \).
QString quoted(QString value)
{
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

} // namespace

PostgresTls postgresTlsOf(const QString& conninfo)
{
    Settings settings;
    if (!parse(conninfo, settings)) {
        return {};
    }
    return {valueOf(settings, "sslmode"), valueOf(settings, "sslrootcert")};
}

QString withPostgresTls(const QString& conninfo, const PostgresTls& tls)
{
    Settings settings;
    if (!parse(conninfo, settings)) {
        return conninfo;
    }
    QStringList parts;
    for (const auto& [key, value] : settings) {
        if (key != "sslmode" && key != "sslrootcert") {
            parts.append(QString::fromUtf8(key) + QLatin1Char('=') + quoted(value));
        }
    }
    if (!tls.sslmode.isEmpty()) {
        parts.append(QStringLiteral("sslmode=") + quoted(tls.sslmode));
    }
    if (!tls.rootCert.isEmpty()) {
        parts.append(QStringLiteral("sslrootcert=") + quoted(tls.rootCert));
    }
    return parts.join(QLatin1Char(' '));
}

bool postgresIsLocal(const QString& conninfo)
{
    Settings settings;
    if (!parse(conninfo, settings)) {
        return false;
    }
    const QString host = valueOf(settings, "host");
    const QString address = valueOf(settings, "hostaddr");
    const auto local = [](const QString& name) {
        return name.isEmpty() || name.startsWith(QLatin1Char('/')) || isLoopbackHost(name);
    };
    return local(host) && (address.isEmpty() || local(address));
}

QString postgresTlsWarning(const QString& conninfo)
{
    if (conninfo.trimmed().isEmpty() || postgresIsLocal(conninfo)) {
        return {};
    }
    const QString mode = postgresTlsOf(conninfo).sslmode;
    if (mode == QLatin1String("verify-full") || mode == QLatin1String("verify-ca")) {
        return {};
    }
    return mode == QLatin1String("require")
               ? QStringLiteral("encrypted but the server is not verified: anyone in between can "
                                "pose as it. Choose verify-full and the server's CA certificate.")
               : QStringLiteral("not encrypted and verified: the login, its password and the "
                                "images may travel in clear text. Choose verify-full and the "
                                "server's CA certificate.");
}

} // namespace pixelnest
