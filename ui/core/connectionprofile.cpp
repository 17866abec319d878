#include "core/connectionprofile.h"

#include "pixelnest/localstack.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace pixelnest::ui
{

namespace
{

bool isPostgresUri(const QString& conninfo)
{
    return conninfo.startsWith(QLatin1String("postgres://")) ||
           conninfo.startsWith(QLatin1String("postgresql://"));
}

// `password=secret` or `password = 'it''s \' quoted'` in a key=value conninfo.
const QRegularExpression& passwordPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((?:^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|\S+))"));
    return pattern;
}

QString unquote(QString value)
{
    if (value.size() >= 2 && value.startsWith(QLatin1Char('\'')) &&
        value.endsWith(QLatin1Char('\''))) {
        value = value.mid(1, value.size() - 2);
        value.replace(QLatin1String("\\'"), QLatin1String("'"));
        value.replace(QLatin1String("\\\\"), QLatin1String("\\"));
    }
    return value;
}

QString quoted(QString value)
{
    value.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    value.replace(QLatin1String("'"), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

} // namespace

ConnectionProfile ConnectionProfile::load(const QSettings& settings)
{
    ConnectionProfile profile;
    const QString mode = settings.value(QStringLiteral("connection/mode")).toString();
    profile.mode = mode == QLatin1String("remote") ? Mode::Remote : Mode::LocalStack;
    profile.postgres = settings.value(QStringLiteral("connection/postgres")).toString();
    profile.redis = settings.value(QStringLiteral("connection/redis")).toString();
    profile.processHere = settings.value(QStringLiteral("connection/process_here"), true).toBool();
    return profile;
}

void ConnectionProfile::save(QSettings& settings) const
{
    settings.setValue(QStringLiteral("connection/mode"),
                      mode == Mode::Remote ? QStringLiteral("remote") : QStringLiteral("local"));
    // Strip again: whatever reaches the settings file carries no password.
    settings.setValue(QStringLiteral("connection/postgres"),
                      splitPostgresPassword(postgres).withoutPassword);
    settings.setValue(QStringLiteral("connection/redis"),
                      splitRedisPassword(redis).withoutPassword);
    settings.setValue(QStringLiteral("connection/process_here"), processHere);
}

ConnectionConfig ConnectionProfile::toConfig(const QString& localStackDir) const
{
    ConnectionConfig config;
    if (mode == Mode::LocalStack) {
        const LocalStack stack(localStackDir);
        config.postgres = stack.postgresConninfo();
        config.redis = stack.redisUrl();
        return config; // sources default to LocalStack
    }
    config.postgres = withPostgresPassword(postgres, postgresPassword);
    config.redis = withRedisPassword(redis, redisPassword);
    config.postgresSource = ConfigSource::ConfigFile;
    config.redisSource = ConfigSource::ConfigFile;
    return config;
}

SplitSecret splitPostgresPassword(const QString& conninfo)
{
    const QString trimmed = conninfo.trimmed();
    if (isPostgresUri(trimmed)) {
        QUrl url(trimmed);
        QUrlQuery query(url);
        QString password = url.password(QUrl::FullyDecoded);
        if (query.hasQueryItem(QStringLiteral("password"))) {
            password = query.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
            query.removeAllQueryItems(QStringLiteral("password"));
            url.setQuery(query);
        }
        url.setPassword(QString());
        return {url.toString(), password};
    }
    QString rest = trimmed;
    QString password;
    const QRegularExpressionMatch match = passwordPattern().match(rest);
    if (match.hasMatch()) {
        password = unquote(match.captured(1));
        rest.remove(match.capturedStart(0), match.capturedLength(0));
    }
    return {rest.simplified(), password};
}

QString withPostgresPassword(const QString& conninfo, const QString& password)
{
    if (password.isEmpty()) {
        return conninfo;
    }
    if (isPostgresUri(conninfo)) {
        QUrl url(conninfo);
        url.setPassword(password);
        return url.toString(QUrl::FullyEncoded);
    }
    return conninfo + QStringLiteral(" password=") + quoted(password);
}

SplitSecret splitRedisPassword(const QString& url)
{
    QUrl parsed(url.trimmed());
    if (!parsed.isValid() || parsed.password().isEmpty()) {
        return {url.trimmed(), {}};
    }
    const QString password = parsed.password(QUrl::FullyDecoded);
    parsed.setPassword(QString());
    return {parsed.toString(), password};
}

QString withRedisPassword(const QString& url, const QString& password)
{
    if (password.isEmpty()) {
        return url;
    }
    QUrl parsed(url);
    parsed.setPassword(password);
    return parsed.toString(QUrl::FullyEncoded);
}

} // namespace pixelnest::ui
