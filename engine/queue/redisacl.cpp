#include "pixelnest/redisacl.h"

namespace pixelnest
{

namespace
{

// What every Pixelnest connection sends: the handshake, the scripts (EVALSHA after SCRIPT LOAD,
// EVAL for the maintenance lock) and the commands those scripts call.
const QStringList kCommon{
    QStringLiteral("+ping"), QStringLiteral("+auth"), QStringLiteral("+hello"),
    QStringLiteral("+select"), QStringLiteral("+eval"), QStringLiteral("+evalsha"),
    QStringLiteral("+script|load"), QStringLiteral("+script|exists"),
    // called from the Lua scripts (queue/lua/*.lua)
    QStringLiteral("+del"), QStringLiteral("+hdel"), QStringLiteral("+hget"),
    QStringLiteral("+hincrby"), QStringLiteral("+hset"), QStringLiteral("+incr"),
    QStringLiteral("+rpush"), QStringLiteral("+time"), QStringLiteral("+zadd"),
    QStringLiteral("+zcard"), QStringLiteral("+zrange"), QStringLiteral("+zrangebyscore"),
    QStringLiteral("+zrem"), QStringLiteral("+zremrangebyrank"), QStringLiteral("+zscore"),
    QStringLiteral("+sadd"), QStringLiteral("+sismember"),
    // sent directly: heartbeats, stats, the namespace binding, dispatch control
    QStringLiteral("+set"), QStringLiteral("+get"), QStringLiteral("+hgetall"),
    QStringLiteral("+smembers"), QStringLiteral("+srem"), QStringLiteral("+pttl"),
    // Redis Cluster: the slot map, and following a slot being migrated
    QStringLiteral("+cluster|slots"), QStringLiteral("+asking")};

QStringList rulesFor(const QString& ns, const QStringList& extra)
{
    QStringList rules{QStringLiteral("reset"), QStringLiteral("on"),
                      // The namespace's keys, and its queue shards' ({ns~S.K}: see JobQueue).
                      QStringLiteral("~{%1}:*").arg(ns), QStringLiteral("~{%1~*}:*").arg(ns),
                      QStringLiteral("resetchannels"), QStringLiteral("-@all")};
    return rules + kCommon + extra;
}

} // namespace

QList<RedisAclUser> redisAclUsers(const QString& ns)
{
    return {
        // BLPOP: the wake-up list an idle engine waits on.
        {QStringLiteral("pixelnest-engine-%1").arg(ns), rulesFor(ns, {QStringLiteral("+blpop")})},
        // INFO server: the About dialog's Redis version.
        {QStringLiteral("pixelnest-console-%1").arg(ns), rulesFor(ns, {QStringLiteral("+info")})},
    };
}

QString redisAclScript(const QString& ns)
{
    QString script =
        QStringLiteral("# Redis ACL users for namespace %1: replace PASSWORD (each its own), run "
                       "these with redis-cli as an admin, and give each process its user:\n"
                       "#   --redis redis://pixelnest-engine-%1@HOST:6379 "
                       "--redis-password-file FILE\n")
            .arg(ns);
    for (const RedisAclUser& user : redisAclUsers(ns)) {
        script += QStringLiteral("ACL SETUSER %1 %2 >PASSWORD\n")
                      .arg(user.name, user.rules.join(QLatin1Char(' ')));
    }
    return script;
}

} // namespace pixelnest
