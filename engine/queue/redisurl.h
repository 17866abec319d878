#pragma once

#include "pixelnest/redistls.h"
#include "pixelnest/result.h"

#include <QString>

namespace pixelnest::engine
{

// A parsed `redis[s]://[user:password@]host:port/db[?ca=&cert=&key=]` or
// `unix:///path/redis.sock[?db=N]`.
struct RedisUrl
{
    QString host; // empty for a unix socket
    int port = 6379;
    QString socketPath; // set for unix://
    QString user;       // Redis 6 ACL user; empty means the default user
    QString password;
    int database = 0;
    RedisTls tls;

    static Result<RedisUrl> parse(const QString& url);

    // The address with the password masked, for log lines and error messages.
    QString display() const;
};

} // namespace pixelnest::engine
