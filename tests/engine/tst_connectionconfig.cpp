#include "pixelnest/connectionconfig.h"
#include "pixelnest/localstack.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace pixelnest;

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
        const ConnectionConfig config = resolveConnectionConfig(
            {QStringLiteral("host=flag-db"), QStringLiteral("unix:///flag.sock")}, environment,
            m_configFile, m_stackDir);
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
};

QTEST_GUILESS_MAIN(TestConnectionConfig)
#include "tst_connectionconfig.moc"
