#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pixelnest
{

// A Redis ACL user limited to one namespace's keys and the commands its process sends (Redis 7
// checks the commands and keys of Lua scripts too). Nothing dangerous: no FLUSHALL, FLUSHDB,
// CONFIG, KEYS, DEBUG, SCRIPT FLUSH, and no key outside `{ns}:*`.
struct RedisAclUser
{
    QString name;      // pixelnest-engine-<ns> | pixelnest-console-<ns>
    QStringList rules; // for ACL SETUSER, without the password
};

// The engine's user (claims, results, heartbeats, maintenance) and the console's (submit,
// priority, cancel, reprocess, stats, namespace binding; the CLI commands too).
QList<RedisAclUser> redisAclUsers(const QString& ns);

// `pixelnest roles init --redis-acl`: one `ACL SETUSER` line per user, with `>PASSWORD` left
// for the operator to fill (run through redis-cli, or put in an aclfile).
QString redisAclScript(const QString& ns);

} // namespace pixelnest
