#include "admin/adminlane.h"
#include "pixelnest/connectionconfig.h"
#include "pixelnest/localstack.h"
#include "queue/redisurl.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace pixelnest;
using engine::RedisUrl;

class TestConnectionConfig final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_configFile;
    const QString m_stackDir = QStringLiteral("/tmp/some-stack");

    void writeConfigFile(const QString& postgres, const QString& redis)
    {
        QSettings file(m_configFile, QSettings::IniFormat);
        file.setValue(QStringLiteral("connection/postgres"), postgres);
        file.setValue(QStringLiteral("connection/redis"), redis);
        file.sync();
    }

    QString writeSecret(const QString& name, const QByteArray& text, QFileDevice::Permissions mode)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) < 0) {
            qFatal("cannot write %s", qPrintable(path));
        }
        file.close();
        QFile::setPermissions(path, mode);
        return path;
    }

    static constexpr QFileDevice::Permissions kPrivate =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    static constexpr QFileDevice::Permissions kShared =
        kPrivate | QFileDevice::ReadGroup | QFileDevice::ReadOther;

private Q_SLOTS:
    void init()
    {
        m_configFile = m_dir.filePath(QStringLiteral("pixelnest.conf"));
        QFile::remove(m_configFile);
    }

    void nothingConfiguredUsesTheLocalStack()
    {
        const ConnectionConfig config =
            resolveConnectionConfig({}, QProcessEnvironment(), m_configFile, m_stackDir);
        const LocalStack stack(m_stackDir);
        QCOMPARE(config.postgres, stack.postgresConninfo());
        QCOMPARE(config.redis, stack.redisUrl());
        QCOMPARE(config.postgresSource, ConfigSource::LocalStack);
        QVERIFY(config.usesLocalStack());
    }

    void configFileBeatsLocalStack()
    {
        writeConfigFile(QStringLiteral("host=file-db"), QStringLiteral("redis://file:6379"));
        const ConnectionConfig config =
            resolveConnectionConfig({}, QProcessEnvironment(), m_configFile, m_stackDir);
        QCOMPARE(config.postgres, QStringLiteral("host=file-db"));
        QCOMPARE(config.redis, QStringLiteral("redis://file:6379"));
        QCOMPARE(config.redisSource, ConfigSource::ConfigFile);
        QVERIFY(!config.usesLocalStack());
    }

    void environmentBeatsConfigFile()
    {
        writeConfigFile(QStringLiteral("host=file-db"), QStringLiteral("redis://file:6379"));
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PIXELNEST_POSTGRES"), QStringLiteral("host=env-db"));
        const ConnectionConfig config =
            resolveConnectionConfig({}, environment, m_configFile, m_stackDir);
        QCOMPARE(config.postgres, QStringLiteral("host=env-db"));
        QCOMPARE(config.postgresSource, ConfigSource::Environment);
        // Each setting resolves on its own: Redis still comes from the file.
        QCOMPARE(config.redis, QStringLiteral("redis://file:6379"));
    }

    void flagBeatsEverything()
    {
        writeConfigFile(QStringLiteral("host=file-db"), QStringLiteral("redis://file:6379"));
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PIXELNEST_POSTGRES"), QStringLiteral("host=env-db"));
        environment.insert(QStringLiteral("PIXELNEST_REDIS"), QStringLiteral("redis://env:1"));
        ConnectionFlags flags;
        flags.postgres = QStringLiteral("host=flag-db");
        flags.redis = QStringLiteral("unix:///flag.sock");
        const ConnectionConfig config =
            resolveConnectionConfig(flags, environment, m_configFile, m_stackDir);
        QCOMPARE(config.postgres, QStringLiteral("host=flag-db"));
        QCOMPARE(config.redis, QStringLiteral("unix:///flag.sock"));
        QCOMPARE(config.redisSource, ConfigSource::Flag);
    }

    void blankValuesFallThrough()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PIXELNEST_REDIS"), QStringLiteral("  "));
        const ConnectionConfig config =
            resolveConnectionConfig({}, environment, m_configFile, m_stackDir);
        QCOMPARE(config.redisSource, ConfigSource::LocalStack);
    }

    void configFileWithAPasswordMustBePrivate()
    {
        writeConfigFile(QStringLiteral("host=db user=app password=hunter2"),
                        QStringLiteral("redis://q:6379"));
        QFile::setPermissions(m_configFile, kShared);
        const Result<ConnectionConfig> refused =
            loadConnectionConfig({}, QProcessEnvironment(), m_configFile, m_stackDir);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("chmod 600 ") + m_configFile),
                 qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.contains(QStringLiteral("hunter2")));
        QFile::setPermissions(m_configFile, kPrivate);
        QVERIFY(loadConnectionConfig({}, QProcessEnvironment(), m_configFile, m_stackDir));

        // Without a secret in it, a shared config file is fine (a URL password counts too).
        writeConfigFile(QStringLiteral("host=db user=app"), QStringLiteral("redis://q:6379"));
        QFile::setPermissions(m_configFile, kShared);
        QVERIFY(loadConnectionConfig({}, QProcessEnvironment(), m_configFile, m_stackDir));
        writeConfigFile(QStringLiteral("host=db"), QStringLiteral("redis://u:pw@q:6379"));
        QFile::setPermissions(m_configFile, kShared);
        QVERIFY(!loadConnectionConfig({}, QProcessEnvironment(), m_configFile, m_stackDir));
    }

    void redisPasswordComesFromAPrivateFile()
    {
        const QString secret = writeSecret(QStringLiteral("redis.pass"), "p@ss:w/rd\n", kPrivate);
        ConnectionFlags flags;
        flags.redis = QStringLiteral("redis://engine@queue.example:6380/1");
        flags.redisPasswordFile = secret;
        const Result<ConnectionConfig> config =
            loadConnectionConfig(flags, QProcessEnvironment(), m_configFile, m_stackDir);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        const Result<RedisUrl> url = RedisUrl::parse(config->redis);
        QVERIFY(url);
        QCOMPARE(url->user, QStringLiteral("engine"));
        QCOMPARE(url->password, QStringLiteral("p@ss:w/rd")); // reserved characters survive
        QCOMPARE(url->host, QStringLiteral("queue.example"));
        QVERIFY(!url->display().contains(QStringLiteral("w/rd")));

        // From the environment too, and for a unix socket.
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PIXELNEST_REDIS_PASSWORD_FILE"), secret);
        environment.insert(QStringLiteral("PIXELNEST_REDIS"),
                           QStringLiteral("unix:///run/redis/redis.sock"));
        const Result<ConnectionConfig> local =
            loadConnectionConfig({}, environment, m_configFile, m_stackDir);
        QVERIFY(local);
        const Result<RedisUrl> socket = RedisUrl::parse(local->redis);
        QVERIFY(socket);
        QCOMPARE(socket->socketPath, QStringLiteral("/run/redis/redis.sock"));
        QCOMPARE(socket->password, QStringLiteral("p@ss:w/rd"));

        // A password file others can read is refused, as is a missing one.
        QFile::setPermissions(secret, kShared);
        const Result<ConnectionConfig> refused =
            loadConnectionConfig(flags, QProcessEnvironment(), m_configFile, m_stackDir);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("chmod 600")));
        flags.redisPasswordFile = m_dir.filePath(QStringLiteral("missing"));
        QVERIFY(!loadConnectionConfig(flags, QProcessEnvironment(), m_configFile, m_stackDir));
    }

    // --redis-ca/-cert/-key > PIXELNEST_REDIS_CA/_CERT/_KEY > the config file, each on its own,
    // into the URL's query; a client key others can read is refused.
    void redisTlsFilesJoinTheUrl()
    {
        const QString key = writeSecret(QStringLiteral("client.key"), "-----BEGIN", kPrivate);
        writeConfigFile(QStringLiteral("host=db"), QStringLiteral("rediss://q.example:6380/0"));
        QSettings file(m_configFile, QSettings::IniFormat);
        file.setValue(QStringLiteral("connection/redis-ca"), QStringLiteral("/etc/file-ca.crt"));
        file.setValue(QStringLiteral("connection/redis-cert"), QStringLiteral("/etc/file.crt"));
        file.sync();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PIXELNEST_REDIS_CERT"), QStringLiteral("/etc/env.crt"));
        ConnectionFlags flags;
        flags.redisKey = key;
        const Result<ConnectionConfig> config =
            loadConnectionConfig(flags, environment, m_configFile, m_stackDir);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        const Result<RedisUrl> url = RedisUrl::parse(config->redis);
        QVERIFY(url);
        QVERIFY(url->tls.enabled);
        QCOMPARE(url->host, QStringLiteral("q.example"));
        QCOMPARE(url->tls.caFile, QStringLiteral("/etc/file-ca.crt"));
        QCOMPARE(url->tls.certFile, QStringLiteral("/etc/env.crt"));
        QCOMPARE(url->tls.keyFile, key);

        QFile::setPermissions(key, kShared);
        const Result<ConnectionConfig> refused =
            loadConnectionConfig(flags, environment, m_configFile, m_stackDir);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("chmod 600 ") + key));

        // TLS files with a cleartext URL would be silently unused: the URL is refused.
        flags = {};
        flags.redis = QStringLiteral("redis://q.example:6379/0");
        flags.redisCa = QStringLiteral("/etc/ca.crt");
        const Result<ConnectionConfig> plain =
            loadConnectionConfig(flags, QProcessEnvironment(), m_configFile, m_stackDir);
        QVERIFY(plain);
        QVERIFY(!RedisUrl::parse(plain->redis));
    }

    // The console's queries leave a core to its GUI thread when PostgreSQL shares the machine
    // (ui/millionrows counts the parallel workers of a real search).
    void consoleLeavesACoreToTheGuiOnALocalServer()
    {
        // "name=value" of each setting, or "" for none (the server's own).
        const auto settings = [](const QString& postgres, int cores) {
            QByteArray all;
            for (const auto& [name, value] : engine::consoleSessionSettings(postgres, cores)) {
                all += name + '=' + value + ' ';
            }
            return all.trimmed();
        };
        const QByteArray none;
        const QByteArray leaderOnly("max_parallel_workers_per_gather=0");
        const QString socket = QStringLiteral("host=/tmp/stack/postgres/socket dbname=pixelnest");
        QCOMPARE(settings(socket, 1), leaderOnly);
        QCOMPARE(settings(socket, 2), leaderOnly); // the leader alone: one core left
        QCOMPARE(settings(socket, 3), QByteArray("max_parallel_workers_per_gather=1"));
        QCOMPARE(settings(socket, 4), none);          // PostgreSQL's 2 workers leave one
        QCOMPARE(settings(QString(), 2), leaderOnly); // libpq's default socket
        QCOMPARE(settings(QStringLiteral("postgresql://localhost/pixelnest"), 2), leaderOnly);
        QCOMPARE(settings(QStringLiteral("host=127.0.0.1 dbname=pixelnest"), 2), leaderOnly);
        // Elsewhere, its workers take none of this machine's cores.
        QCOMPARE(settings(QStringLiteral("host=db.example dbname=pixelnest"), 2), none);
        QCOMPARE(settings(QStringLiteral("postgresql://db.example:5432/pixelnest"), 1), none);
    }
};

QTEST_GUILESS_MAIN(TestConnectionConfig)
#include "tst_connectionconfig.moc"