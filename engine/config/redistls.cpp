#include "pixelnest/redistls.h"

#include "config/loopbackhost.h"

#include <QUrl>
#include <QUrlQuery>

namespace pixelnest
{

namespace
{

const QString kCa = QStringLiteral("ca");
const QString kCert = QStringLiteral("cert");
const QString kKey = QStringLiteral("key");

} // namespace

RedisTls redisTlsOf(const QUrl& url)
{
    const QUrlQuery query(url);
    RedisTls tls;
    tls.enabled = url.scheme() == QLatin1String("rediss");
    tls.caFile = query.queryItemValue(kCa, QUrl::FullyDecoded);
    tls.certFile = query.queryItemValue(kCert, QUrl::FullyDecoded);
    tls.keyFile = query.queryItemValue(kKey, QUrl::FullyDecoded);
    return tls;
}

RedisTls redisTlsOf(const QString& url)
{
    return redisTlsOf(QUrl(url.trimmed(), QUrl::StrictMode));
}

QString withRedisTlsFiles(const QString& text, const RedisTls& tls)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid()) {
        return text;
    }
    QUrlQuery query(url);
    for (const auto& [name, file] : {std::pair{kCa, tls.caFile}, std::pair{kCert, tls.certFile},
                                     std::pair{kKey, tls.keyFile}}) {
        query.removeAllQueryItems(name);
        if (!file.isEmpty()) {
            // Percent-encoded so that a path holding & = + # stays one value.
            query.addQueryItem(name, QString::fromUtf8(QUrl::toPercentEncoding(file, "/")));
        }
    }
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString redisTlsWarning(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty() || url.scheme() != QLatin1String("redis")) {
        return {}; // rediss://, unix:// or not a URL (the connection says why)
    }
    const QString host = url.host();
    if (host.isEmpty() || isLoopbackHost(host)) {
        return {};
    }
    return QStringLiteral("not encrypted: the Redis password and every job travel in clear text. "
                          "Use rediss:// and the server's CA certificate.");
}

} // namespace pixelnest
