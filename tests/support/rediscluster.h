#pragma once

#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <vector>

class QProcess;

namespace pixelnest::test
{

// A real Redis Cluster for tests: `masters` redis-server processes with --cluster-enabled yes and
// `replicasPerMaster` replicas each, on free ports of 127.0.0.1, joined with
// `redis-cli --cluster create`. A short node timeout (1 s) and replicas that are always eligible
// make a failover take a few seconds. Everything stops with the object.
class RedisCluster final
{
public:
    explicit RedisCluster(int masters = 3, int replicasPerMaster = 1);
    ~RedisCluster();
    RedisCluster(const RedisCluster&) = delete;
    RedisCluster& operator=(const RedisCluster&) = delete;

    // Starts the nodes and creates the cluster; false with `error` set.
    bool start(QString* error);
    // A URL naming one node (any node leads to the whole cluster).
    QString url(int node = 0) const;
    // The port of the master serving `slot` now, 0 when no live node knows.
    quint16 masterOf(int slot) const;
    QString nodeId(quint16 port) const;
    // SIGKILLs the master serving `slot` and waits until a replica serves it.
    bool killMasterOf(int slot, int timeoutMs = 30'000);

private:
    bool waitUntilHealthy(int timeoutMs, QString* error) const;

    int m_masters;
    int m_replicas;
    QTemporaryDir m_dir;
    QList<quint16> m_ports;
    std::vector<std::unique_ptr<QProcess>> m_nodes;
};

} // namespace pixelnest::test
