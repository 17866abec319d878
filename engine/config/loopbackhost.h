#pragma once

#include <QHostAddress>
#include <QString>

namespace pixelnest
{

// A host name or address that never leaves this machine (localhost, 127.0.0.0/8, ::1): traffic
// to it needs no TLS warning. The one rule for PostgreSQL's and Redis's warnings.
inline bool isLoopbackHost(const QString& host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

} // namespace pixelnest
