#include "pixelnest/serverinfo.h"

#include "queue/redisclient.h"

#include <libpq-fe.h>
// Only the version macros: this file is compiled with torch's include directories (see
// engine/CMakeLists.txt), nothing else of torch is pulled in.
#include <torch/version.h>

namespace pixelnest
{

namespace
{

// A bounded connect: libpq's connect_timeout overrides whatever the conninfo says, so that an
// unroutable host fails in seconds rather than in the kernel's two minutes.
PGconn* connectWithTimeout(const QString& conninfo)
{
    const QByteArray expanded = conninfo.toUtf8();
    const char* keywords[] = {"dbname", "connect_timeout", nullptr};
    const char* values[] = {expanded.constData(), "5", nullptr};
    return PQconnectdbParams(keywords, values, 1);
}

} // namespace

QString torchVersion()
{
    return QStringLiteral(TORCH_VERSION);
}

Result<QString> postgresServerVersion(const QString& conninfo)
{
    PGconn* conn = connectWithTimeout(conninfo);
    if (PQstatus(conn) != CONNECTION_OK) {
        // libpq names the host and the reason; it never includes the password.
        const QString reason = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        return makeError(ErrorCode::Unavailable, reason);
    }
    PGresult* result = PQexec(conn, "SHOW server_version");
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1;
    const QString value = ok ? QString::fromUtf8(PQgetvalue(result, 0, 0))
                             : QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    PQclear(result);
    PQfinish(conn);
    if (!ok) {
        return makeError(ErrorCode::Internal, value);
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
    return makeError(ErrorCode::Internal, QStringLiteral("INFO server named no redis_version"));
}

} // namespace pixelnest
