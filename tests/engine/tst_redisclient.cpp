#include "queue/redisclient.h"
#include "teststack.h"

#include <QCryptographicHash>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace pixelnest;
using namespace pixelnest::engine;

class TestRedisClient final : public QObject
{
    Q_OBJECT

private:
    RedisUrl fixtureUrl() const { return RedisUrl::parse(test::redisUrl()).value(); }

private Q_SLOTS:
    void parsesTcpUrls()
    {
        const Result<RedisUrl> url =
            RedisUrl::parse(QStringLiteral("redis://app:s3cret@queue.example:6380/2"));
        QVERIFY(url.ok());
        QCOMPARE(url->host, QStringLiteral("queue.example"));
        QCOMPARE(url->port, 6380);
        QCOMPARE(url->user, QStringLiteral("app"));
        QCOMPARE(url->password, QStringLiteral("s3cret"));
        QCOMPARE(url->database, 2);
        // The password never appears where it could be logged.
        QVERIFY(!url->display().contains(QStringLiteral("s3cret")));
        QCOMPARE(RedisUrl::parse(QStringLiteral("redis://localhost"))->port, 6379);
    }

    // QUrl's own error quotes the URL: the message must name the problem without the password.
    void malformedUrlErrorsNeverEchoThePassword()
    {
        const Result<RedisUrl> url =
            RedisUrl::parse(QStringLiteral("redis://app:p@ss w0rd@queue.example:6380/2"));
        QVERIFY(!url.ok());
        QVERIFY2(url.error().message.startsWith(QStringLiteral("invalid Redis URL: malformed")),
                 qPrintable(url.error().message));
        QVERIFY(!url.error().message.contains(QStringLiteral("w0rd")));
    }

    void parsesUnixUrls()
    {
        const Result<RedisUrl> url =
            RedisUrl::parse(QStringLiteral("unix:///run/redis/redis.sock?db=3"));
        QVERIFY(url.ok());
        QCOMPARE(url->socketPath, QStringLiteral("/run/redis/redis.sock"));
        QCOMPARE(url->database, 3);
    }

    void rejectsBadUrls()
    {
        for (const char* text : {"http://x", "redis://host/notanumber", "unix://"}) {
            const Result<RedisUrl> url = RedisUrl::parse(QLatin1String(text));
            QVERIFY2(!url.ok(), text);
            QCOMPARE(url.error().code, ErrorCode::InvalidInput);
            QVERIFY(url.error().message.startsWith(QStringLiteral("invalid Redis URL")));
        }
    }

    void scriptsSurviveScriptFlush()
    {
        RedisClient client(fixtureUrl());
        LuaScript script;
        script.name = "echo";
        script.source = "return ARGV[1]";
        script.sha1 = QCryptographicHash::hash(script.source, QCryptographicHash::Sha1).toHex();
        Result<RedisReply> reply = client.eval(script, {}, {"hello"});
        QVERIFY2(reply.ok(), qPrintable(reply.error().message));
        QCOMPARE(reply->string, QByteArray("hello"));
        QVERIFY(client.command({"SCRIPT", "FLUSH"}).ok()); // as after a Redis restart
        reply = client.eval(script, {}, {"again"});
        QVERIFY2(reply.ok(), qPrintable(reply.error().message)); // NOSCRIPT → reloaded
        QCOMPARE(reply->string, QByteArray("again"));
    }

    void reconnectsAfterTheConnectionIsKilled()
    {
        RedisClient client(fixtureUrl());
        QVERIFY(client.command({"CLIENT", "SETNAME", "victim"}).ok());
        RedisClient killer(fixtureUrl());
        QVERIFY(killer.command({"CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"}).ok());
        // The first call notices the dead socket; a later one reconnects (after the backoff).
        (void)client.command({"PING"});
        QThread::msleep(250);
        const Result<RedisReply> pong = client.command({"PING"});
        QVERIFY2(pong.ok(), qPrintable(pong.error().message));
        QCOMPARE(pong->string, QByteArray("PONG"));
    }

    void authenticatesWithAclUsers()
    {
        RedisClient admin(fixtureUrl());
        const QByteArray user = "px" + QUuid::createUuid().toString(QUuid::Id128).left(8).toUtf8();
        QVERIFY(
            admin.command({"ACL", "SETUSER", user, "on", ">right-password", "~*", "+@all"}).ok());
        RedisUrl url = fixtureUrl();
        url.user = QString::fromUtf8(user);
        url.password = QStringLiteral("right-password");
        RedisClient good(url);
        const Result<RedisReply> whoami = good.command({"ACL", "WHOAMI"});
        QVERIFY2(whoami.ok(), qPrintable(whoami.error().message));
        QCOMPARE(whoami->string, user);

        url.password = QStringLiteral("wrong-password");
        RedisClient bad(url);
        const Result<void> connected = bad.connect();
        QVERIFY(!connected.ok());
        QVERIFY(!connected.error().message.contains(QStringLiteral("wrong-password")));
        QVERIFY2(connected.error().message.contains(QStringLiteral("WRONGPASS")) ||
                     connected.error().message.contains(QStringLiteral("invalid")),
                 qPrintable(connected.error().message));
        QVERIFY(admin.command({"ACL", "DELUSER", user}).ok());
    }

    void deadServerFailsFastAsUnavailable()
    {
        RedisUrl url;
        url.socketPath = QStringLiteral("/nonexistent/redis.sock");
        RedisClient client(url);
        const Result<RedisReply> reply = client.command({"PING"});
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().code, ErrorCode::Unavailable);
        QVERIFY(reply.error().message.contains(QStringLiteral("/nonexistent/redis.sock")));
    }
};

QTEST_GUILESS_MAIN(TestRedisClient)
#include "tst_redisclient.moc"
