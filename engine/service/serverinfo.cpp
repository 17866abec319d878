#include "pixelnest/serverinfo.h"

#include "queue/redisclient.h"
#include "store/pgconnection.h"

#include <libpq-fe.h>

namespace pixelnest
{

QString torchVersion()
{
    // The version CMake's find_package(Torch) found: reading it needs no libtorch in the process.
    return QStringLiteral(PIXELNEST_TORCH_VERSION);
}

Result<QString> postgresServerVersion(const QString& conninfo)
{
    PGconn* conn = engine::connectBounded(conninfo, 5);
    if (PQstatus(conn) != CONNECTION_OK) {
        // libpq names the host and the reason; it never includes the password.
        const QString reason = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable, reason);
    }
    PGresult* result = PQexec(conn, "SHOW server_version");
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1;
    const QString value = ok ? QString::fromUtf8(PQgetvalue(result, 0, 0))
                             : QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    PQclear(result);
    PQfinish(conn);
    if (!ok) {
        return makeError(Service::PostgreSQL, ErrorCode::Internal, value);
    }
    return value;
}

Result<QString> redisServerVersion(const QString& redisUrl)
{
    Result<engine::RedisUrl> url = engine::RedisUrl::parse(redisUrl);
    if (!url) {
        return url.error();
    }
    engine::RedisClient client(url.value(), 5000);
    if (Result<void> connected = client.connect(); !connected) {
        return connected.error();
    }
    const Result<engine::RedisReply> info = client.command({"INFO", "server"});
    if (!info) {
        return info.error();
    }
    for (const QByteArray& line : info->string.split('\n')) {
        if (line.startsWith("redis_version:")) {
            return QString::fromLatin1(line.mid(14).trimmed());
        }
    }
    return makeError(Service::Redis, ErrorCode::Internal,
                     QStringLiteral("INFO server named no redis_version"));
}

} // namespace pixelnest
