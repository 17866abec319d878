// Redis Cluster, for real: three masters with a replica each (`redis-server --cluster-enabled
// yes`, joined by `redis-cli --cluster create`). The client follows MOVED and ASK and reads the
// slot map; the queue's and the engine's own test programs run whole against the cluster; an
// engine keeps going when the master holding its queue is killed and a replica takes over.
#include "enginefixture.h"
#include "queue/jobqueue.h"
#include "queue/redisclient.h"
#include "rediscluster.h"
#include "testprogram.h"
#include "teststages.h"

#include <QSet>
#include <QtTest>

using namespace pixelnest;
using namespace pixelnest::engine;
using test::EngineFixture;
using test::RedisCluster;

namespace
{

RedisUrl urlOf(const QString& text)
{
    return RedisUrl::parse(text).value();
}

// A key (with a hash tag) for each master, so that one client touches every node.
QList<QByteArray> keysOnEveryMaster(const RedisCluster& cluster)
{
    QList<QByteArray> keys;
    QSet<quint16> masters;
    for (int i = 0; masters.size() < 3 && i < 1000; ++i) {
        const QByteArray key = "{tag" + QByteArray::number(i) + "}:value";
        const quint16 master = cluster.masterOf(RedisClient::keySlot(key));
        if (!masters.contains(master)) {
            masters.insert(master);
            keys.append(key);
        }
    }
    return keys;
}

} // namespace

class TestRedisCluster final : public QObject
{
    Q_OBJECT

private:
    RedisCluster m_cluster;

    // Another test program of this build, run whole with its Redis replaced by the cluster.
    void runSuite(const QString& name, int queueShards = 0)
    {
        QMap<QString, QString> environment{
            {QStringLiteral("PIXELNEST_TEST_REDIS_URL"), m_cluster.url(0)}};
        if (queueShards > 0) {
            environment.insert(QStringLiteral("PIXELNEST_TEST_QUEUE_SHARDS"),
                               QString::number(queueShards));
        }
        const test::TestProgramRun run = test::runTestProgram(name, environment);
        QVERIFY2(run.passed, qPrintable(run.failures()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
    }

    void keySlotsAreRedisClusters()
    {
        // The values from the Redis Cluster specification and CLUSTER KEYSLOT.
        QCOMPARE(RedisClient::keySlot("123456789"), 12739);
        QCOMPARE(RedisClient::keySlot("{user1000}.following"),
                 RedisClient::keySlot("{user1000}.followers"));
        QCOMPARE(RedisClient::keySlot("foo{}{bar}"), RedisClient::keySlot("foo{}{bar}"));
        RedisClient node(urlOf(m_cluster.url(0)));
        for (const QByteArray& key :
             {QByteArray("{pixelnest}:ready:default"), QByteArray("foo{}{bar}"),
              QByteArray("{a}b{c}"), QByteArray("plain")}) {
            const Result<RedisReply> server = node.command({"CLUSTER", "KEYSLOT", key});
            QVERIFY(server.ok());
            QCOMPARE(RedisClient::keySlot(key), int(server->integer));
        }
    }

    void followsMovedToEveryMaster()
    {
        RedisClient client(urlOf(m_cluster.url(0)));
        const QList<QByteArray> keys = keysOnEveryMaster(m_cluster);
        QCOMPARE(keys.size(), 3);
        for (const QByteArray& key : keys) {
            QVERIFY(client.command({"SET", key, "v-" + key}).ok());
        }
        QVERIFY(client.isCluster()); // at least two of the three were not on node 0
        for (const QByteArray& key : keys) {
            const Result<RedisReply> value = client.command({"GET", key});
            QVERIFY(value.ok());
            QCOMPARE(value->string, "v-" + key);
            // Stored where the cluster says, not wherever the client happened to be connected.
            RedisUrl owner = urlOf(m_cluster.url(0));
            owner.port = m_cluster.masterOf(RedisClient::keySlot(key));
            RedisClient direct(owner);
            QCOMPARE(direct.command({"GET", key})->string, "v-" + key);
        }
        // A pipeline of one slot goes to that slot's master.
        const Result<QList<RedisReply>> replies =
            client.pipeline({{"INCR", "{tag-p}:n"}, {"INCR", "{tag-p}:n"}, {"GET", "{tag-p}:n"}});
        QVERIFY(replies.ok());
        QCOMPARE(replies->at(2).string, QByteArray("2"));
    }

    void followsAskDuringAMigration()
    {
        const QByteArray key = "{migrating}:job";
        const int slot = RedisClient::keySlot(key);
        const quint16 source = m_cluster.masterOf(slot);
        const QList<QByteArray> others = keysOnEveryMaster(m_cluster);
        quint16 target = 0;
        for (const QByteArray& other : others) {
            const quint16 master = m_cluster.masterOf(RedisClient::keySlot(other));
            target = master != source ? master : target;
        }
        QVERIFY(target != 0);
        RedisUrl sourceUrl = urlOf(m_cluster.url(0));
        sourceUrl.port = source;
        RedisUrl targetUrl = sourceUrl;
        targetUrl.port = target;
        RedisClient sourceNode(sourceUrl);
        RedisClient targetNode(targetUrl);
        const QByteArray slotText = QByteArray::number(slot);
        QVERIFY(targetNode
                    .command({"CLUSTER", "SETSLOT", slotText, "IMPORTING",
                              m_cluster.nodeId(source).toUtf8()})
                    .ok());
        QVERIFY(sourceNode
                    .command({"CLUSTER", "SETSLOT", slotText, "MIGRATING",
                              m_cluster.nodeId(target).toUtf8()})
                    .ok());
        // The key is not on the source: it answers ASK, and the client asks the target.
        RedisClient client(urlOf(m_cluster.url(0)));
        QVERIFY(client.command({"SET", key, "moved-in"}).ok());
        const Result<QList<RedisReply>> onTarget = targetNode.pipeline({{"ASKING"}, {"GET", key}});
        QVERIFY(onTarget.ok());
        QCOMPARE(onTarget->at(1).string, QByteArray("moved-in"));
        QVERIFY(targetNode.pipeline({{"ASKING"}, {"DEL", key}}).ok());
        QVERIFY(sourceNode.command({"CLUSTER", "SETSLOT", slotText, "STABLE"}).ok());
        QVERIFY(targetNode.command({"CLUSTER", "SETSLOT", slotText, "STABLE"}).ok());
    }

    void queueSuiteRunsOnTheCluster() { runSuite(QStringLiteral("tst_jobqueue")); }

    void engineSuiteRunsOnTheCluster() { runSuite(QStringLiteral("tst_engine")); }

    // --queue-shards 3: the queue over three hash tags, so over the three masters.
    void engineSuiteRunsOnAShardedQueue() { runSuite(QStringLiteral("tst_engine"), 3); }

    void dispatchControlRunsOnAShardedQueue()
    {
        runSuite(QStringLiteral("tst_dispatchcontrol"), 3);
    }

    // Last: it kills a master. The queue is spread over three shards; the master of one dies
    // with jobs in flight. Calls to it fail while the cluster fails over (the engine pauses, as
    // for any Redis outage), the client re-reads the slot map, and every job completes; what the
    // replica had not yet received is rebuilt from PostgreSQL by the reconciler and the reaper.
    void engineSurvivesAMasterFailover()
    {
        qputenv("PIXELNEST_TEST_REDIS_URL", m_cluster.url(0).toUtf8());
        qputenv("PIXELNEST_TEST_QUEUE_SHARDS", "3");
        EngineFixture fixture;
        const int slot = RedisClient::keySlot(JobQueue::shardPrefix(fixture.ns(), 1, 3));
        const QList<qint64> ids = fixture.submit(60, 0, QStringLiteral("slow"));
        EngineConfig config = fixture.engineConfig();
        config.runtime.workers = 4;
        PipelineRegistry pipelines = PipelineRegistry::builtIn();
        pipelines.add({QStringLiteral("slow"), {std::make_shared<test::SlowStage>(100)}});
        fixture.startEngine(config, std::move(pipelines));
        QVERIFY(EngineFixture::waitFor(
            [&] { return fixture.countWhere(QStringLiteral("status = 'completed'")) >= 8; },
            30'000));
        QVERIFY(fixture.countWhere(QStringLiteral("status = 'completed'")) < ids.size());
        QVERIFY(m_cluster.killMasterOf(slot));
        QVERIFY2(EngineFixture::waitFor(
                     [&] {
                         return fixture.countWhere(QStringLiteral("status = 'completed'")) ==
                                ids.size();
                     },
                     90'000),
                 qPrintable(
                     QString::number(fixture.countWhere(QStringLiteral("status = 'completed'")))));
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'failed'")), 0);
        fixture.stopEngine();
    }
};

QTEST_MAIN(TestRedisCluster)
#include "tst_rediscluster.moc"
