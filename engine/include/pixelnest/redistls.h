#pragma once

#include <QString>

class QUrl;

namespace pixelnest
{

// TLS to Redis: a `rediss://` URL, the CA that signs the server (empty: the system's store) and
// an optional client certificate and key. The files travel in the URL's query (`?ca=&cert=&key=`;
// --redis-ca/--redis-cert/--redis-key and the console's fields put them there), so every
// connection a process opens has them.
struct RedisTls
{
    bool enabled = false; // rediss://
    QString caFile;
    QString certFile;
    QString keyFile;
};

RedisTls redisTlsOf(const QUrl& url);
RedisTls redisTlsOf(const QString& url);

// `url` with the CA, certificate and key files of `tls` in its query (an empty one removed);
// the scheme is left as it is. Returns `url` unchanged if it does not parse.
QString withRedisTlsFiles(const QString& url, const RedisTls& tls);

// Empty when the traffic is protected (rediss://) or stays on this computer (unix socket,
// localhost, 127.0.0.1, ::1); else one sentence for a warning.
QString redisTlsWarning(const QString& url);

} // namespace pixelnest
