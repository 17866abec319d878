#include "queue/jobqueue.h"
#include "teststack.h"

#include <QRandomGenerator>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <thread>

#include <QElapsedTimer>

using namespace pixelnest;
using namespace pixelnest::engine;

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
            const Result<QList<qint64>> ids = m_queue->claim(batch, 60'000, "owner-a");
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
        QCOMPARE(m_queue->claim(1, 200, "owner-a").value(), (QList<qint64>{1}));
        QCOMPARE(m_queue->claim(1, 60'000, "owner-b").value(), (QList<qint64>{2}));
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
        QCOMPARE(m_queue->claim(2, 300, "owner-a").value().size(), 2);
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
        QVERIFY(m_queue->claim(1, 60'000, "owner-a").ok());
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
        QCOMPARE(m_queue->claim(1, 60'000, "engine:c1").value(), (QList<qint64>{1}));
        const QByteArray first = leaseToken("engine", 1);
        QCOMPARE(m_queue->retag("engine:c1", {{1, first}}).value(), 1);
        QCOMPARE(attemptOfToken(first), 1);
        QCOMPARE(attemptOfToken("engine:c1"), 0);
        QVERIFY(m_queue->ack({{1, "engine:c1"}}).value() == 0); // the claim's token is spent
        QVERIFY(m_queue->remove({1}).ok());                     // lease lost (cancel, reap)
        QVERIFY(m_queue->enqueue({{1, 0}}).ok());
        QCOMPARE(m_queue->claim(1, 60'000, "engine:c2").value(), (QList<qint64>{1}));
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
        QVERIFY(m_queue->claim(1, 60'000, "owner-a").ok());
        QCOMPARE(m_queue->retryLater({{{1, "owner-a"}, 400}}).value(), 1);
        QCOMPARE(m_queue->retryingCount().value(), 1);
        QVERIFY(m_queue->claim(1, 60'000, "owner-a").value().isEmpty());
        QThread::msleep(450);
        QCOMPARE(m_queue->claim(1, 60'000, "owner-a").value(), (QList<qint64>{1}));
        QCOMPARE(m_queue->retryingCount().value(), 0);
    }

    void removeForgetsAJobWhereverItIs()
    {
        QVERIFY(m_queue->enqueue({{1, 3}, {2, 0}, {3, 0}}).ok());
        QVERIFY(m_queue->claim(1, 60'000, "owner-a").ok());          // 1 leased
        QVERIFY(m_queue->claim(1, 60'000, "owner-a").ok());          // 2 leased
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
        QVERIFY(waiter.waitForWork(50).ok()); // consume any stale marker
        QElapsedTimer timer;
        timer.start();
        std::thread submitter([this] {
            QThread::msleep(200);
            (void)m_queue->enqueue({{1, 0}});
        });
        const Result<bool> woke = waiter.waitForWork(5000);
        submitter.join();
        QVERIFY(woke.ok());
        QVERIFY(woke.value());
        QVERIFY2(timer.elapsed() < 2000, "the submit must wake the idle engine at once");
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
