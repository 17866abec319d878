// TLS to Redis, verified: a private `redis-server` with only a TLS port and a certificate from a
// throwaway CA made by openssl now, reached by the engine's own client (OpenSSL under hiredis's
// reply parser) with the host name checked. A wrong CA, a wrong host name, a cleartext client
// and a missing client certificate each fail with a sentence that says so; the CLI takes
// --redis-ca/--redis-cert/--redis-key; and the queue, client and engine test suites run again,
// whole, over this TLS connection.
#include "cliprocess.h"
#include "pixelnest/redistls.h"
#include "queue/redisclient.h"
#include "stack/executables.h"
#include "testcertificates.h"
#include "testprogram.h"
#include "teststack.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace pixelnest;
using engine::RedisClient;
using engine::RedisReply;
using engine::RedisUrl;

namespace
{

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString messageOf(const Result<RedisReply>& reply)
{
    return reply.ok() ? QString() : reply.error().message;
}

} // namespace

class TestRedisTls final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    test::TestCertificates m_certs;
    QProcess m_server;
    quint16 m_port = 0;
    // AUTH travels inside the TLS session; no output may contain the password.
    const QString m_password = QStringLiteral("Pw-") + QUuid::createUuid().toString(QUuid::Id128);

    // rediss://:password@host:port/0?ca=...[&cert=&key=]
    QString url(const QString& host, const QString& ca, bool clientCertificate = false) const
    {
        const QString base =
            QStringLiteral("rediss://:%1@%2:%3/0").arg(m_password, host).arg(m_port);
        return withRedisTlsFiles(base,
                                 {true, ca, clientCertificate ? m_certs.clientCert : QString(),
                                  clientCertificate ? m_certs.clientKey : QString()});
    }

    Result<RedisReply> ping(const QString& text) const
    {
        const Result<RedisUrl> parsed = RedisUrl::parse(text);
        if (!parsed) {
            return parsed.error();
        }
        RedisClient client(parsed.value(), 3000);
        return client.command({"PING"});
    }

    void setClientCertificatesRequired(bool required)
    {
        RedisClient admin(
            RedisUrl::parse(url(QStringLiteral("localhost"), m_certs.caCert, true)).value());
        QVERIFY(admin.command({"CONFIG", "SET", "tls-auth-clients", required ? "yes" : "optional"})
                    .ok());
    }

    // Another test binary of this build, run whole with the fixture's Redis replaced by this one.
    void runSuite(const QString& name, const QString& redis)
    {
        const test::TestProgramRun run =
            test::runTestProgram(name, {{QStringLiteral("PIXELNEST_TEST_REDIS_URL"), redis}});
        QVERIFY2(run.passed, qPrintable(run.failures()));
        QVERIFY2(!run.output.contains(m_password), "the Redis password reached a test's output");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        const QString certDir = m_root.filePath(QStringLiteral("certs"));
        QVERIFY(QDir().mkpath(certDir));
        m_certs = test::makeTestCertificates(certDir, QStringLiteral("localhost"));
        const Result<QString> redisServer = engine::findRedisServer();
        QVERIFY(redisServer.ok());
        m_port = freePort();
        // Only a TLS port: a successful connection is an encrypted one.
        m_server.setProcessChannelMode(QProcess::MergedChannels);
        m_server.start(redisServer.value(), {QStringLiteral("--port"),
                                             QStringLiteral("0"),
                                             QStringLiteral("--tls-port"),
                                             QString::number(m_port),
                                             QStringLiteral("--bind"),
                                             QStringLiteral("127.0.0.1"),
                                             QStringLiteral("--tls-cert-file"),
                                             m_certs.serverCert,
                                             QStringLiteral("--tls-key-file"),
                                             m_certs.serverKey,
                                             QStringLiteral("--tls-ca-cert-file"),
                                             m_certs.caCert,
                                             QStringLiteral("--tls-auth-clients"),
                                             QStringLiteral("optional"),
                                             QStringLiteral("--requirepass"),
                                             m_password,
                                             QStringLiteral("--save"),
                                             QString(),
                                             QStringLiteral("--appendonly"),
                                             QStringLiteral("no"),
                                             QStringLiteral("--dir"),
                                             m_root.path()});
        QVERIFY(m_server.waitForStarted());
        for (int i = 0; i < 100 && !ping(url(QStringLiteral("localhost"), m_certs.caCert)); ++i) {
            QThread::msleep(50);
        }
        const Result<RedisReply> pong = ping(url(QStringLiteral("localhost"), m_certs.caCert));
        QVERIFY2(pong.ok(),
                 qPrintable(messageOf(pong) + QString::fromLocal8Bit(m_server.readAll())));
        QCOMPARE(pong->string, QByteArray("PONG"));
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        m_server.waitForFinished();
    }

    void urlCarriesTheTlsFiles()
    {
        const Result<RedisUrl> parsed =
            RedisUrl::parse(url(QStringLiteral("localhost"), m_certs.caCert, true));
        QVERIFY(parsed.ok());
        QVERIFY(parsed->tls.enabled);
        QCOMPARE(parsed->tls.caFile, m_certs.caCert);
        QCOMPARE(parsed->tls.certFile, m_certs.clientCert);
        QCOMPARE(parsed->tls.keyFile, m_certs.clientKey);
        QVERIFY(parsed->display().startsWith(QStringLiteral("rediss://:***@localhost:")));
        // Files without TLS would be silently unused: refused instead.
        const Result<RedisUrl> plain =
            RedisUrl::parse(QStringLiteral("redis://localhost:6379/0?ca=/etc/ca.crt"));
        QVERIFY(!plain.ok());
        QVERIFY(plain.error().message.contains(QStringLiteral("needs a rediss:// URL")));
    }

    void commandsPipelinesAndBigRepliesTravelOverTls()
    {
        RedisClient client(
            RedisUrl::parse(url(QStringLiteral("localhost"), m_certs.caCert)).value());
        // Larger than one TLS record (16 KiB) and than one read: the reply arrives in pieces.
        const QByteArray big(3 * 1024 * 1024, 'x');
        QVERIFY(client.command({"SET", "tls:big", big}).ok());
        const Result<QList<RedisReply>> replies =
            client.pipeline({{"GET", "tls:big"}, {"INCR", "tls:counter"}, {"DEL", "tls:big"}});
        QVERIFY2(replies.ok(), qPrintable(replies.ok() ? QString() : replies.error().message));
        QCOMPARE(replies->at(0).string, big);
        QCOMPARE(replies->at(1).type, RedisReply::Type::Integer);
        QCOMPARE(replies->at(2).integer, 1);
    }

    void blockingWaitsTimeOutAndTheConnectionRecovers()
    {
        RedisClient client(
            RedisUrl::parse(url(QStringLiteral("localhost"), m_certs.caCert)).value(), 300);
        // BLPOP longer than the read timeout: the client gives up and reconnects afterwards.
        const Result<RedisReply> blocked = client.command({"BLPOP", "tls:nothing", "2"});
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().code, ErrorCode::Unavailable);
        QVERIFY2(blocked.error().message.contains(QStringLiteral("timed out")),
                 qPrintable(blocked.error().message));
        QThread::msleep(250); // the reconnect backoff
        client.setTimeoutMs(5000);
        const Result<RedisReply> pong = client.command({"PING"});
        QVERIFY2(pong.ok(), qPrintable(messageOf(pong)));
    }

    void wrongCaFailsClearly()
    {
        const Result<RedisReply> reply =
            ping(url(QStringLiteral("localhost"), m_certs.otherCaCert));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().code, ErrorCode::Unavailable);
        QVERIFY2(reply.error().message.contains(
                     QStringLiteral("the server's certificate is not trusted")),
                 qPrintable(reply.error().message));
        QVERIFY(!reply.error().message.contains(m_password));
    }

    void wrongHostNameFailsClearly()
    {
        // The certificate names DNS:localhost only; 127.0.0.1 is the same server by another name.
        const Result<RedisReply> reply = ping(url(QStringLiteral("127.0.0.1"), m_certs.caCert));
        QVERIFY(!reply.ok());
        QVERIFY2(reply.error().message.contains(
                     QStringLiteral("the server's certificate is not for '127.0.0.1'")),
                 qPrintable(reply.error().message));
    }

    void cleartextToTheTlsPortFailsAndTlsToAPlainPortFails()
    {
        const Result<RedisReply> plain =
            ping(QStringLiteral("redis://:%1@localhost:%2/0").arg(m_password).arg(m_port));
        QVERIFY(!plain.ok());
        QCOMPARE(plain.error().code, ErrorCode::Unavailable);

        // The fixture's own Redis speaks cleartext on a unix socket; a TCP one for TLS:
        QTcpServer cleartext;
        QVERIFY(cleartext.listen(QHostAddress::LocalHost));
        connect(&cleartext, &QTcpServer::newConnection, &cleartext, [&cleartext] {
            QTcpSocket* socket = cleartext.nextPendingConnection();
            socket->write("-ERR not TLS\r\n");
            socket->flush();
            socket->disconnectFromHost();
        });
        RedisUrl tlsToPlain =
            RedisUrl::parse(url(QStringLiteral("localhost"), m_certs.caCert)).value();
        tlsToPlain.port = cleartext.serverPort();
        Result<RedisReply> reply = makeError(ErrorCode::Internal, QStringLiteral("not run"));
        QThread* caller = QThread::create([&] {
            RedisClient client(tlsToPlain, 3000);
            reply = client.command({"PING"});
        });
        caller->start();
        while (!caller->wait(10)) {
            QCoreApplication::processEvents();
        }
        delete caller;
        QVERIFY(!reply.ok());
        QVERIFY2(reply.error().message.contains(QStringLiteral("TLS handshake failed")),
                 qPrintable(reply.error().message));
    }

    void clientCertificateWhenTheServerRequiresOne()
    {
        setClientCertificatesRequired(true);
        const Result<RedisReply> without = ping(url(QStringLiteral("localhost"), m_certs.caCert));
        const Result<RedisReply> with =
            ping(url(QStringLiteral("localhost"), m_certs.caCert, true));
        setClientCertificatesRequired(false);
        QVERIFY(!without.ok());
        QCOMPARE(without.error().code, ErrorCode::Unavailable);
        QVERIFY2(without.error().message.contains(QStringLiteral("client certificate")),
                 qPrintable(without.error().message));
        QVERIFY2(with.ok(), qPrintable(messageOf(with)));

        // A certificate without its key is a configuration mistake, named as one.
        RedisUrl half = RedisUrl::parse(url(QStringLiteral("localhost"), m_certs.caCert)).value();
        half.tls.certFile = m_certs.clientCert;
        RedisClient client(half);
        const Result<void> connected = client.connect();
        QVERIFY(!connected.ok());
        QVERIFY2(connected.error().message.contains(QStringLiteral("--redis-key")),
                 qPrintable(connected.error().message));
    }

    // The product's own path: the CLI's flags, and what it says when they are wrong.
    void cliTakesTheTlsFlags()
    {
        const QString scratch = test::createScratchDatabase();
        const QString redis = QStringLiteral("rediss://localhost:%1/0").arg(m_port);
        const QString passwordFile = m_root.filePath(QStringLiteral("redis-password"));
        QFile secret(passwordFile);
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(m_password.toUtf8() + '\n');
        secret.close();
        QVERIFY(secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QProcessEnvironment environment = test::environmentFor(scratch, redis);
        environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), QStringLiteral("tls"));
        const QStringList common{QStringLiteral("--redis-password-file"), passwordFile};

        test::CliRun run = test::runPixelnest(
            QStringList{QStringLiteral("stats"), QStringLiteral("--redis-ca"), m_certs.caCert,
                        QStringLiteral("--redis-cert"), m_certs.clientCert,
                        QStringLiteral("--redis-key"), m_certs.clientKey} +
                common,
            environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        run = test::runPixelnest(QStringList{QStringLiteral("stats"), QStringLiteral("--redis-ca"),
                                             m_certs.otherCaCert} +
                                     common,
                                 environment);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("not trusted")), qPrintable(run.err));
        QVERIFY(!(run.out + run.err).contains(m_password));

        // A client key others may read is a secret leaking: refused before any connection.
        const QString openKey = m_root.filePath(QStringLiteral("open.key"));
        QVERIFY(QFile::copy(m_certs.clientKey, openKey));
        QVERIFY(QFile::setPermissions(openKey, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ReadOther));
        run = test::runPixelnest(QStringList{QStringLiteral("stats"), QStringLiteral("--redis-ca"),
                                             m_certs.caCert, QStringLiteral("--redis-cert"),
                                             m_certs.clientCert, QStringLiteral("--redis-key"),
                                             openKey} +
                                     common,
                                 environment);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("chmod 600")), qPrintable(run.err));
    }

    // "The whole engine suite's queue tests over TLS": the same binaries CTest runs against the
    // fixture's cleartext Redis, run again with this server in its place.
    void queueSuiteOverTls()
    {
        runSuite(QStringLiteral("tst_jobqueue"), url(QStringLiteral("localhost"), m_certs.caCert));
    }
    void redisClientSuiteOverTls()
    {
        runSuite(QStringLiteral("tst_redisclient"),
                 url(QStringLiteral("localhost"), m_certs.caCert));
    }
    void engineSuiteOverTls()
    {
        runSuite(QStringLiteral("tst_engine"), url(QStringLiteral("localhost"), m_certs.caCert));
    }
};

QTEST_GUILESS_MAIN(TestRedisTls)
#include "tst_redistls.moc"
