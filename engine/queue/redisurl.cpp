#include "queue/redisurl.h"

#include <QUrl>
#include <QUrlQuery>

namespace pixelnest::engine
{

namespace
{

Error badUrl(const QString& why)
{
    return makeError(Service::Redis, ErrorCode::InvalidInput,
                     QStringLiteral("invalid Redis URL: %1 (expected "
                                    "redis[s]://[user:password@]host:port/db or unix:///path)")
                         .arg(why));
}

} // namespace

Result<RedisUrl> RedisUrl::parse(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        // Never QUrl::errorString(): it quotes the URL, password included.
        return badUrl(QStringLiteral("malformed (a password with reserved characters such as "
                                     "@ / : % must be percent-encoded, or come from "
                                     "--redis-password-file)"));
    }
    RedisUrl parsed;
    parsed.user = url.userName();
    parsed.password = url.password();
    parsed.tls = redisTlsOf(url);
    const bool tlsFiles = !(parsed.tls.caFile + parsed.tls.certFile + parsed.tls.keyFile).isEmpty();
    if (tlsFiles && !parsed.tls.enabled) {
        return badUrl(QStringLiteral("a CA, client certificate or key needs a rediss:// URL"));
    }
    if (url.scheme() == QLatin1String("unix")) {
        parsed.socketPath = url.path();
        if (parsed.socketPath.isEmpty()) {
            return badUrl(QStringLiteral("no socket path"));
        }
        const QString db = QUrlQuery(url).queryItemValue(QStringLiteral("db"));
        parsed.database = db.isEmpty() ? 0 : db.toInt();
        return parsed;
    }
    if (url.scheme() != QLatin1String("redis") && !parsed.tls.enabled) {
        return badUrl(QStringLiteral("unsupported scheme '%1'").arg(url.scheme()));
    }
    parsed.host = url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host();
    parsed.port = url.port(6379);
    const QString path = url.path().mid(1);
    bool ok = true;
    parsed.database = path.isEmpty() ? 0 : path.toInt(&ok);
    if (!ok || parsed.database < 0) {
        return badUrl(QStringLiteral("database '%1' is not a number").arg(path));
    }
    return parsed;
}

QString RedisUrl::display() const
{
    const QString credentials =
        user.isEmpty() && password.isEmpty()
            ? QString()
            : (user + (password.isEmpty() ? QString() : QStringLiteral(":***"))) + QLatin1Char('@');
    if (!socketPath.isEmpty()) {
        return QStringLiteral("unix://%1%2").arg(credentials, socketPath);
    }
    return QStringLiteral("%1://%2%3:%4/%5")
        .arg(tls.enabled ? QStringLiteral("rediss") : QStringLiteral("redis"), credentials, host)
        .arg(port)
        .arg(database);
}

} // namespace pixelnest::engine
