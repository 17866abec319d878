#include "queue/jobqueue.h"
#include "teststack.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <thread>

#include <QDateTime>
#include <QElapsedTimer>

using namespace pixelnest;
using namespace pixelnest::engine;

namespace
{

const QList<QByteArray> kDefault{"default"};

} // namespace

class TestJobQueue final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RedisClient> m_client;
    std::unique_ptr<JobQueue> m_queue;

    QList<qint64> claimAll(int batch)
    {
        QList<qint64> order;
        for (;;) {
            const Result<QList<qint64>> ids = m_queue->claim(batch, 60'000, "owner-a", kDefault);
            if (!ids || ids->isEmpty()) {
                return order;
            }
            order += ids.value();
        }
    }

private Q_SLOTS:
    void init()
    {
        m_client = std::make_unique<RedisClient>(RedisUrl::parse(test::redisUrl()).value());
        m_queue = std::make_unique<JobQueue>(
            *m_client, QStringLiteral("q") + QUuid::createUuid().toString(QUuid::Id128));
    }

    // --queue-shards: three hash tags in three parts of the slot range (so, on a cluster of
    // three masters, three nodes); a job lives in shard id mod 3 and every call about ids
    // reaches its shard; the first job of every claim is the best ready in any shard.
    void shardedQueueSpreadsAndKeepsTheClaimGuarantee()
    {
        const QString ns = QStringLiteral("s") + QUuid::createUuid().toString(QUuid::Id128);
        JobQueue queue(*m_client, ns, 3);
        QCOMPARE(queue.shards().value(), 3);
        QSet<int> parts;
        for (int shard = 0; shard < 3; ++shard) {
            const QByteArray prefix = JobQueue::shardPrefix(ns, shard, 3);
            QVERIFY(prefix.startsWith("{" + ns.toUtf8()));
            parts.insert(RedisClient::keySlot(prefix) * 3 / 16384);
        }
        QCOMPARE(parts.size(), 3);
        QCOMPARE(JobQueue::shardPrefix(ns, 0, 3), "{" + ns.toUtf8() + "}:");

        QList<QueuedJob> jobs;
        QMap<qint64, int> priorityOf;
        for (qint64 id = 1; id <= 300; ++id) {
            const int priority = int(QRandomGenerator::global()->bounded(-5, 6)) * 100;
            jobs.append({id, priority});
            priorityOf.insert(id, priority);
        }
        QCOMPARE(queue.enqueue(jobs).value(), 300);
        QCOMPARE(queue.readyByPipeline()->value(QStringLiteral("default")), 300);
        qint64 depth = 0;
        for (qint64 count : queue.depthByPriority().value()) {
            depth += count;
        }
        QCOMPARE(depth, 300);
        // Every claim's first job is the best still ready, whichever shard holds it.
        QList<int> remaining = priorityOf.values();
        QList<Lease> leases;
        for (;;) {
            const Result<QList<qint64>> ids = queue.claim(10, 60'000, "owner-s", kDefault);
            QVERIFY(ids.ok());
            if (ids->isEmpty()) {
                break;
            }
            QCOMPARE(priorityOf.value(ids->first()),
                     *std::max_element(remaining.begin(), remaining.end()));
            QSet<int> shardsOfBatch;
            for (qint64 id : ids.value()) {
                remaining.removeOne(priorityOf.value(id));
                leases.append({id, "owner-s"});
                shardsOfBatch.insert(int(id % 3));
            }
            QCOMPARE(shardsOfBatch.size(), 1); // one shard per claim
        }
        QVERIFY(remaining.isEmpty());
        QCOMPARE(leases.size(), 300);
        QCOMPARE(queue.inFlightCount().value(), 300);
        QCOMPARE(queue.present({1, 2, 3}).value(), (QList<bool>{true, true, true}));
        QCOMPARE(queue.renew(leases, 60'000)->size(), 0);
        QCOMPARE(queue.ack(leases).value(), 300);
        QCOMPARE(queue.inFlightCount().value(), 0);
        QCOMPARE(queue.present({1, 2, 3}).value(), (QList<bool>{false, false, false}));

        // Ids in every shard: scheduled, promoted, reprioritised, removed, reaped.
        const qint64 later = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        QCOMPARE(queue
                     .enqueue({{1001, 0, "default", later},
                               {1002, 0, "default", later},
                               {1003, 0, "default", later},
                               {1004, 0},
                               {1005, 0},
                               {1006, 0}})
                     .value(),
                 6);
        QCOMPARE(queue.retryingCount().value(), 3);
        QCOMPARE(queue.promote({1001, 1002, 1003}).value(), 3);
        QCOMPARE(queue.reprioritize({1004, 1005, 1006}, 900).value(), 3);
        QList<qint64> top;
        for (int i = 0; i < 3; ++i) {
            top += queue.claim(1, 50, "owner-r", kDefault).value();
        }
        std::sort(top.begin(), top.end());
        QCOMPARE(top, (QList<qint64>{1004, 1005, 1006}));
        QCOMPARE(queue.remove({1001, 1002}).value(), 2);
        QTest::qWait(100); // the 50 ms leases of 1004..1006 expire
        QCOMPARE(queue.reapExpired(100)->size(), 3);

        // Another process asking for another count is refused while jobs are queued…
        RedisClient otherClient(RedisUrl::parse(test::redisUrl()).value());
        JobQueue other(otherClient, ns, 2);
        const Result<int> refused = other.enqueue({{2001, 0}});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("3 shard")),
                 qPrintable(refused.error().message));
        // …and follows the namespace's count when it names none.
        JobQueue follower(otherClient, ns);
        QCOMPARE(follower.shards().value(), 3);
        QCOMPARE(follower.present({1003}).value(), QList<bool>{true});
        // Once empty, the count may change.
        QCOMPARE(queue.remove({1003}).value(), 1);
        JobQueue changed(otherClient, ns, 2);
        QCOMPARE(changed.shards().value(), 2);
    }

    void everyKeySharesOneHashTag()
    {
        QVERIFY(m_queue->key("ready").startsWith("{q"));
        QVERIFY(m_queue->key("ready").contains("}:ready"));
    }

    void strictPriorityThenFifoOverAThousandJobs()
    {
        QList<QueuedJob> jobs;
        for (qint64 id = 1; id <= 1000; ++id) {
            jobs.append({id, int(QRandomGenerator::global()->bounded(-1000, 1001))});
        }
        QCOMPARE(m_queue->enqueue(jobs).value(), 1000);
        QList<QueuedJob> expected = jobs;
        std::stable_sort(
            expected.begin(), expected.end(), [](const QueuedJob& a, const QueuedJob& b) {
                return a.priority > b.priority; // stable: submission order within a priority
            });
        const QList<qint64> order = claimAll(7);
        QCOMPARE(order.size(), 1000);
        for (int i = 0; i < 1000; ++i) {
            QCOMPARE(order[i], expected[i].id);
        }
    }

    void enqueueIsIdempotent()
    {
        QCOMPARE(m_queue->enqueue({{1, 0}, {2, 0}}).value(), 2);
        QCOMPARE(m_queue->enqueue({{1, 0}, {2, 0}, {3, 0}}).value(), 1);
        QCOMPARE(claimAll(10), (QList<qint64>{1, 2, 3}));
        // A leased job is not queued again by a late reconciler pass.
        QCOMPARE(m_queue->enqueue({{1, 0}}).value(), 0);
    }

    void priorityChangeReordersAWaitingJob()
    {
        QVERIFY(m_queue->enqueue({{1, 0}, {2, 0}, {3, 0}, {4, 5}}).ok());
        QCOMPARE(m_queue->reprioritize({3}, 10).value(), 1);
        QCOMPARE(m_queue->reprioritize({99}, 10).value(), 0); // unknown: nothing to move
        const QMap<int, qint64> depth = m_queue->depthByPriority().value();
        QCOMPARE(depth.value(10), 1);
        QCOMPARE(depth.value(0), 2);
        QCOMPARE(claimAll(1), (QList<qint64>{3, 4, 1, 2}));
        QVERIFY(m_queue->depthByPriority().value().isEmpty());
    }

    void leasesExpireAndAreReaped()
    {
        QVERIFY(m_queue->enqueue({{1, 0}, {2, 0}}).ok());
        QCOMPARE(m_queue->claim(1, 200, "owner-a", kDefault).value(), (QList<qint64>{1}));
        QCOMPARE(m_queue->claim(1, 60'000, "owner-b", kDefault).value(), (QList<qint64>{2}));
        QCOMPARE(m_queue->inFlightCount().value(), 2);
        QVERIFY(m_queue->reapExpired(10).value().isEmpty());
        QThread::msleep(300);
        const QList<ExpiredLease> expired = m_queue->reapExpired(10).value();
        QCOMPARE(expired.size(), 1);
        QCOMPARE(expired.first().id, 1);
        QCOMPARE(expired.first().owner, QByteArray("owner-a"));
        QCOMPARE(m_queue->inFlightCount().value(), 1);
    }

    void renewalKeepsALeaseAndReportsLostOnes()
    {
        QVERIFY(m_queue->enqueue({{1, 0}, {2, 0}}).ok());
        QCOMPARE(m_queue->claim(2, 300, "owner-a", kDefault).value().size(), 2);
        QCOMPARE(m_queue->remove({2}).value(), 1); // cancelled meanwhile
        for (int i = 0; i < 4; ++i) {
            QThread::msleep(150);
            QCOMPARE(m_queue->renew({{1, "owner-a"}, {2, "owner-a"}}, 300).value(),
                     (QList<qint64>{2}));
        }
        QVERIFY(m_queue->reapExpired(10).value().isEmpty()); // renewed: still ours
        QCOMPARE(m_queue->renew({{1, "someone-else"}}, 300).value(), (QList<qint64>{1}));
    }

    void onlyTheOwnerAcks()
    {
        QVERIFY(m_queue->enqueue({{1, 0}}).ok());
        QVERIFY(m_queue->claim(1, 60'000, "owner-a", kDefault).ok());
        QCOMPARE(m_queue->ack({{1, "owner-b"}}).value(), 0);
        QCOMPARE(m_queue->inFlightCount().value(), 1);
        QCOMPARE(m_queue->ack({{1, "owner-a"}}).value(), 1);
        QCOMPARE(m_queue->inFlightCount().value(), 0);
    }

    void eachAttemptHoldsItsOwnToken()
    {
        // One engine, one job, two attempts: the claim's token hands the lease to attempt 1;
        // the lease is lost and the same engine claims the job again as attempt 2. Attempt 1's
        // late ack, renewal and retry must not touch attempt 2's lease.
        QVERIFY(m_queue->enqueue({{1, 0}}).ok());
        QCOMPARE(m_queue->claim(1, 60'000, "engine:c1", kDefault).value(), (QList<qint64>{1}));
        const QByteArray first = leaseToken("engine", 1);
        QCOMPARE(m_queue->retag("engine:c1", {{1, first}}).value(), 1);
        QCOMPARE(attemptOfToken(first), 1);
        QCOMPARE(attemptOfToken("engine:c1"), 0);
        QVERIFY(m_queue->ack({{1, "engine:c1"}}).value() == 0); // the claim's token is spent
        QVERIFY(m_queue->remove({1}).ok());                     // lease lost (cancel, reap)
        QVERIFY(m_queue->enqueue({{1, 0}}).ok());
        QCOMPARE(m_queue->claim(1, 60'000, "engine:c2", kDefault).value(), (QList<qint64>{1}));
        const QByteArray second = leaseToken("engine", 2);
        QCOMPARE(m_queue->retag("engine:c2", {{1, second}}).value(), 1);

        QCOMPARE(m_queue->ack({{1, first}}).value(), 0);
        QCOMPARE(m_queue->renew({{1, first}}, 60'000).value(), (QList<qint64>{1}));
        QCOMPARE(m_queue->retryLater({{{1, first}, 0}}).value(), 0);
        QCOMPARE(m_queue->inFlightCount().value(), 1);
        QCOMPARE(m_queue->renew({{1, second}}, 60'000).value(), QList<qint64>());
        QCOMPARE(m_queue->ack({{1, second}}).value(), 1);
        QCOMPARE(m_queue->inFlightCount().value(), 0);
    }

    void retriesWaitOutTheirBackoff()
    {
        QVERIFY(m_queue->enqueue({{1, 0}}).ok());
        QVERIFY(m_queue->claim(1, 60'000, "owner-a", kDefault).ok());
        QCOMPARE(m_queue->retryLater({{{1, "owner-a"}, 400}}).value(), 1);
        QCOMPARE(m_queue->retryingCount().value(), 1);
        QVERIFY(m_queue->claim(1, 60'000, "owner-a", kDefault).value().isEmpty());
        QThread::msleep(450);
        QCOMPARE(m_queue->claim(1, 60'000, "owner-a", kDefault).value(), (QList<qint64>{1}));
        QCOMPARE(m_queue->retryingCount().value(), 0);
    }

    void removeForgetsAJobWhereverItIs()
    {
        QVERIFY(m_queue->enqueue({{1, 3}, {2, 0}, {3, 0}}).ok());
        QVERIFY(m_queue->claim(1, 60'000, "owner-a", kDefault).ok());  // 1 leased
        QVERIFY(m_queue->claim(1, 60'000, "owner-a", kDefault).ok());  // 2 leased
        QVERIFY(m_queue->retryLater({{{2, "owner-a"}, 60'000}}).ok()); // 2 retrying
        QCOMPARE(m_queue->present({1, 2, 3, 4}).value(), (QList<bool>{true, true, true, false}));
        QCOMPARE(m_queue->remove({1, 2, 3}).value(), 3);
        QCOMPARE(m_queue->present({1, 2, 3}).value(), (QList<bool>{false, false, false}));
        QVERIFY(m_queue->depthByPriority().value().isEmpty());
    }

    void idleWaitWakesOnSubmit()
    {
        RedisClient waiterClient(RedisUrl::parse(test::redisUrl()).value(), 10'000);
        JobQueue waiter(waiterClient,
                        QString::fromUtf8(m_queue->key("x").mid(1).split('}').first()));
        QVERIFY(waiter.waitForWork(50, kDefault).ok()); // consume any stale marker
        QElapsedTimer timer;
        timer.start();
        std::thread submitter([this] {
            QThread::msleep(200);
            (void)m_queue->enqueue({{1, 0}});
        });
        const Result<bool> woke = waiter.waitForWork(5000, kDefault);
        submitter.join();
        QVERIFY(woke.ok());
        QVERIFY(woke.value());
        QVERIFY2(timer.elapsed() < 2000, "the submit must wake the idle engine at once");
    }

    void eachPipelineHasItsQueueAndAClaimMergesThemByPriority()
    {
        QVERIFY(m_queue->enqueue({{1, 0, "a"}, {2, 5, "b"}, {3, 10, "a"}, {4, 0, "b"}}).ok());
        QCOMPARE(m_queue->readyByPipeline().value(),
                 (QMap<QString, qint64>{{QStringLiteral("a"), 2}, {QStringLiteral("b"), 2}}));
        // An engine serving `a` alone never takes `b`'s jobs.
        QCOMPARE(m_queue->claim(10, 60'000, "x", {"a"}).value(), (QList<qint64>{3, 1}));
        QVERIFY(m_queue->claim(10, 60'000, "x", {"a"}).value().isEmpty());
        QVERIFY(m_queue->enqueue({{5, 7, "a"}, {6, 0, "a"}}).ok());
        // Serving both: global priority order across the two queues, FIFO within a priority.
        QCOMPARE(m_queue->claim(2, 60'000, "x", {"a", "b"}).value(), (QList<qint64>{5, 2}));
        QCOMPARE(m_queue->claim(10, 60'000, "x", {"b", "a"}).value(), (QList<qint64>{4, 6}));
        QVERIFY(m_queue->depthByPriority().value().isEmpty());
    }

    void pausedPipelinesAreSkippedUntilResumed()
    {
        QVERIFY(m_queue->enqueue({{1, 0, "a"}, {2, 9, "b"}}).ok());
        QVERIFY(m_queue->setPaused("b", true).ok());
        QCOMPARE(m_queue->pausedPipelines().value(), (QList<QByteArray>{"b"}));
        QCOMPARE(m_queue->claim(10, 60'000, "x", {"a", "b"}).value(), (QList<qint64>{1}));
        QVERIFY(m_queue->claim(10, 60'000, "x", {"a", "b"}).value().isEmpty());
        QVERIFY(m_queue->enqueue({{3, 0, "a"}}).ok());
        QVERIFY(m_queue->setPaused("*", true).ok()); // the whole namespace
        QVERIFY(m_queue->claim(10, 60'000, "x", {"a", "b"}).value().isEmpty());
        QCOMPARE(m_queue->present({2, 3}).value(), (QList<bool>{true, true})); // still waiting
        QVERIFY(m_queue->setPaused("*", false).ok()); // resumes everything, `b` too
        QVERIFY(m_queue->pausedPipelines().value().isEmpty());
        QCOMPARE(m_queue->claim(10, 60'000, "x", {"a", "b"}).value(), (QList<qint64>{2, 3}));
    }

    void resumingWakesAnIdleEngine()
    {
        QVERIFY(m_queue->setPaused("a", true).ok());
        QVERIFY(m_queue->enqueue({{1, 0, "a"}}).ok());
        RedisClient waiterClient(RedisUrl::parse(test::redisUrl()).value(), 10'000);
        JobQueue waiter(waiterClient,
                        QString::fromUtf8(m_queue->key("x").mid(1).split('}').first()));
        QVERIFY(waiter.waitForWork(50, {"a"}).ok()); // the submit's marker
        QVERIFY(waiter.claim(1, 60'000, "x", {"a"}).value().isEmpty());
        std::thread resumer([this] {
            QThread::msleep(200);
            (void)m_queue->setPaused("a", false);
        });
        QElapsedTimer timer;
        timer.start();
        const Result<bool> woke = waiter.waitForWork(5000, {"a"});
        resumer.join();
        QVERIFY(woke.ok() && woke.value());
        QVERIFY2(timer.elapsed() < 2000, "resume must wake the idle engine at once");
        QCOMPARE(waiter.claim(1, 60'000, "x", {"a"}).value(), (QList<qint64>{1}));
    }

    void aSubmitWakesOnlyTheEnginesOfItsPipeline()
    {
        RedisClient waiterClient(RedisUrl::parse(test::redisUrl()).value(), 10'000);
        JobQueue waiter(waiterClient,
                        QString::fromUtf8(m_queue->key("x").mid(1).split('}').first()));
        QVERIFY(m_queue->enqueue({{1, 0, "a"}}).ok());
        QVERIFY(!waiter.waitForWork(200, {"b"}).value()); // nothing for `b`: timed out
        QVERIFY(waiter.waitForWork(200, {"b", "a"}).value());
    }

    void retryNowEndsABackoff()
    {
        QVERIFY(m_queue->enqueue({{1, 4, "a"}, {2, 0, "a"}}).ok());
        QCOMPARE(m_queue->claim(1, 60'000, "x", {"a"}).value(), (QList<qint64>{1}));
        QCOMPARE(m_queue->retryLater({{{1, "x"}, 600'000}}).value(), 1); // ten minutes
        QCOMPARE(m_queue->promote({1, 2, 99}).value(), 1); // 2 is ready already, 99 unknown
        QCOMPARE(m_queue->retryingCount().value(), 0);
        QCOMPARE(m_queue->depthByPriority().value().value(4), 1);
        QCOMPARE(m_queue->claim(10, 60'000, "x", {"a"}).value(), (QList<qint64>{1, 2}));
    }

    void cancelAndReprioritiseFindAJobInItsPipelinesQueue()
    {
        QVERIFY(m_queue->enqueue({{1, 0, "a"}, {2, 0, "b"}, {3, 0, "b"}}).ok());
        QCOMPARE(m_queue->reprioritize({3}, 50).value(), 1);
        QCOMPARE(m_queue->remove({2}).value(), 1);
        QCOMPARE(m_queue->present({1, 2, 3}).value(), (QList<bool>{true, false, true}));
        QCOMPARE(m_queue->claim(10, 60'000, "x", {"a", "b"}).value(), (QList<qint64>{3, 1}));
    }

    void aScheduledJobWaitsInTheDelayedSet()
    {
        const qint64 soon = QDateTime::currentMSecsSinceEpoch() + 400;
        QVERIFY(m_queue->enqueue({{1, 0, "a", soon}, {2, 0, "a", 0}}).ok());
        QCOMPARE(m_queue->retryingCount().value(), 1);
        QCOMPARE(m_queue->claim(10, 60'000, "x", {"a"}).value(), (QList<qint64>{2}));
        QCOMPARE(m_queue->present({1}).value(), QList<bool>{true});
        QThread::msleep(500);
        QCOMPARE(m_queue->claim(10, 60'000, "x", {"a"}).value(), (QList<qint64>{1}));
    }

    void aRateLimitCapsClaimsAcrossEngines()
    {
        QList<QueuedJob> jobs;
        for (qint64 id = 1; id <= 20; ++id) {
            jobs.append({id, 0, "a"});
        }
        jobs.append({99, 0, "b"});
        QVERIFY(m_queue->enqueue(jobs).ok());
        QVERIFY(m_queue->setRateLimit("a", 4).ok());
        QCOMPARE(m_queue->rateLimits().value().value(QStringLiteral("a")), 4.0);
        // A full bucket holds one second's worth; the unlimited pipeline is not held back.
        QCOMPARE(m_queue->claim(10, 60'000, "x", {"a", "b"}).value(),
                 (QList<qint64>{1, 2, 3, 4, 99}));
        RedisClient otherClient(RedisUrl::parse(test::redisUrl()).value());
        JobQueue other(otherClient, QString::fromUtf8(m_queue->key("x").mid(1).split('}').first()));
        QVERIFY(other.claim(10, 60'000, "y", {"a"}).value().isEmpty()); // the same bucket
        QThread::msleep(600);                                           // refills at 4/s: two more
        const int refilled = int(other.claim(10, 60'000, "y", {"a"}).value().size());
        QVERIFY2(refilled >= 2 && refilled <= 3, qPrintable(QString::number(refilled)));
        QVERIFY(m_queue->setRateLimit("a", 0).ok()); // off
        QCOMPARE(m_queue->claim(100, 60'000, "x", {"a"}).value().size(), 16 - refilled);
    }

    void controlAndHeartbeatTtlsAreReadInOneTrip()
    {
        QVERIFY(m_queue->setControl("engine-1", "drain").ok());
        QVERIFY(m_queue->setPaused("a", true).ok());
        const auto control = m_queue->controlFor("engine-1").value();
        QCOMPARE(control.first, QByteArray("drain"));
        QCOMPARE(control.second, (QList<QByteArray>{"a"}));
        QVERIFY(m_queue->setControl("engine-1", QByteArray()).ok());
        QVERIFY(m_queue->controlFor("engine-1").value().first.isEmpty());
        QVERIFY(m_queue->publishHeartbeat("engine-1", "{}", 5000).ok());
        const QList<qint64> ttls = m_queue->heartbeatTtls({"engine-1", "engine-2"}).value();
        QVERIFY(ttls[0] > 4000 && ttls[0] <= 5000);
        QCOMPARE(ttls[1], -2); // no key: that engine is gone
    }

    void lockIsExclusiveAndReleasedByItsHolder()
    {
        QVERIFY(m_queue->tryLock("m", "a", 5000).value());
        QVERIFY(!m_queue->tryLock("m", "b", 5000).value());
        QVERIFY(m_queue->unlock("m", "b").ok()); // not b's: stays
        QVERIFY(!m_queue->tryLock("m", "b", 5000).value());
        QVERIFY(m_queue->unlock("m", "a").ok());
        QVERIFY(m_queue->tryLock("m", "b", 5000).value());
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
