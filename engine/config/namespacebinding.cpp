#include "config/namespacebinding.h"

#include "queue/redisclient.h"
#include "queue/redisurl.h"
#include "store/pgconnection.h"

namespace pixelnest::engine
{

namespace
{

// "<uuid> <database name>" of the database `conninfo` reaches.
Result<QByteArray> databaseIdentity(const QString& conninfo)
{
    PgConnection db;
    if (Result<void> opened = db.open(conninfo); !opened) {
        return opened.error();
    }
    const Result<PgResult> row =
        db.exec("SELECT id::text || ' ' || current_database() FROM pixelnest_identity LIMIT 1");
    if (!row) {
        return row.error();
    }
    if (row->rows() != 1) {
        return makeError(Service::PostgreSQL, ErrorCode::Internal,
                         QStringLiteral("the database has no pixelnest_identity row"));
    }
    return row->bytes(0, 0);
}

} // namespace

Result<void> checkNamespaceBinding(const ConnectionConfig& config, const QString& ns)
{
    const Result<QByteArray> identity = databaseIdentity(config.postgres);
    if (!identity) {
        return identity.error();
    }
    Result<RedisUrl> url = RedisUrl::parse(config.redis);
    if (!url) {
        return url.error();
    }
    RedisClient redis(std::move(url).value(), 5000);
    const QByteArray key = "{" + ns.toUtf8() + "}:database";
    // SET NX GET (Redis 7): binds a new namespace, or returns whom it is bound to already.
    const Result<RedisReply> bound = redis.command({"SET", key, identity.value(), "NX", "GET"});
    if (!bound) {
        return bound.error();
    }
    if (bound->type == RedisReply::Type::Nil || bound->string == identity.value()) {
        return {};
    }
    const auto describe = [](const QByteArray& value) {
        const qsizetype space = value.indexOf(' ');
        return QStringLiteral("'%1' (%2)")
            .arg(QString::fromUtf8(value.mid(space + 1)), QString::fromUtf8(value.left(space)));
    };
    return makeError(
        Service::Redis, ErrorCode::InvalidInput,
        QStringLiteral("Redis namespace '%1' dispatches the jobs of database %2, but this process "
                       "uses database %3: point --postgres at the first, or choose another "
                       "--namespace for this one")
            .arg(ns, describe(bound->string), describe(identity.value())));
}

} // namespace pixelnest::engine
