#include "rediscluster.h"

#include "queue/redisclient.h"
#include "stack/executables.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

namespace pixelnest::test
{

namespace
{

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// One node, on its own: its answer, not the cluster's routing.
Result<engine::RedisReply> ask(quint16 port, const QList<QByteArray>& command)
{
    engine::RedisUrl url;
    url.host = QStringLiteral("127.0.0.1");
    url.port = port;
    engine::RedisClient client(url, 2000);
    return client.command(command);
}

} // namespace

RedisCluster::RedisCluster(int masters, int replicasPerMaster)
    : m_masters(masters), m_replicas(replicasPerMaster)
{
}

RedisCluster::~RedisCluster()
{
    for (const auto& node : m_nodes) {
        node->kill();
        node->waitForFinished(5000);
    }
}

bool RedisCluster::start(QString* error)
{
    const Result<QString> server = engine::findRedisServer();
    const QString cli = QStandardPaths::findExecutable(QStringLiteral("redis-cli"));
    if (!server || cli.isEmpty() || !m_dir.isValid()) {
        *error = QStringLiteral("redis-server and redis-cli are needed (Debian: redis-server, "
                                "redis-tools)");
        return false;
    }
    QStringList addresses;
    for (int i = 0; i < m_masters * (1 + m_replicas); ++i) {
        const quint16 port = freePort();
        const QString dir = m_dir.filePath(QString::number(port));
        QDir().mkpath(dir);
        auto node = std::make_unique<QProcess>();
        node->setProcessChannelMode(QProcess::MergedChannels);
        node->setStandardOutputFile(dir + QStringLiteral("/redis.log"));
        node->start(server.value(),
                    {QStringLiteral("--port"), QString::number(port), QStringLiteral("--bind"),
                     QStringLiteral("127.0.0.1"), QStringLiteral("--dir"), dir,
                     QStringLiteral("--cluster-enabled"), QStringLiteral("yes"),
                     QStringLiteral("--cluster-config-file"), dir + QStringLiteral("/nodes.conf"),
                     QStringLiteral("--cluster-node-timeout"), QStringLiteral("1000"),
                     // Any replica may take over, however long it was cut off: tests kill masters.
                     QStringLiteral("--cluster-replica-validity-factor"), QStringLiteral("0"),
                     QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                     QStringLiteral("no")});
        if (!node->waitForStarted(5000)) {
            *error = QStringLiteral("redis-server did not start on port %1").arg(port);
            return false;
        }
        m_nodes.push_back(std::move(node));
        m_ports.append(port);
        addresses.append(QStringLiteral("127.0.0.1:%1").arg(port));
    }
    QElapsedTimer waiting;
    waiting.start();
    for (quint16 port : std::as_const(m_ports)) {
        while (!ask(port, {"PING"}).ok()) {
            if (waiting.hasExpired(10'000)) {
                *error = QStringLiteral("redis-server on port %1 does not answer").arg(port);
                return false;
            }
            QThread::msleep(50);
        }
    }
    QProcess create;
    create.setProcessChannelMode(QProcess::MergedChannels);
    create.start(cli,
                 QStringList{QStringLiteral("--cluster"), QStringLiteral("create")} + addresses +
                     QStringList{QStringLiteral("--cluster-replicas"), QString::number(m_replicas),
                                 QStringLiteral("--cluster-yes")});
    if (!create.waitForFinished(60'000) || create.exitCode() != 0) {
        *error = QStringLiteral("redis-cli --cluster create failed: %1")
                     .arg(QString::fromLocal8Bit(create.readAll()).right(2000));
        return false;
    }
    return waitUntilHealthy(30'000, error);
}

bool RedisCluster::waitUntilHealthy(int timeoutMs, QString* error) const
{
    QElapsedTimer waiting;
    waiting.start();
    for (;;) {
        bool healthy = true;
        for (quint16 port : m_ports) {
            const Result<engine::RedisReply> info = ask(port, {"CLUSTER", "INFO"});
            healthy = healthy && info && info->string.contains("cluster_state:ok") &&
                      info->string.contains("cluster_known_nodes:" +
                                            QByteArray::number(m_masters * (1 + m_replicas)));
        }
        if (healthy) {
            return true;
        }
        if (waiting.hasExpired(timeoutMs)) {
            *error = QStringLiteral("the Redis Cluster did not become healthy");
            return false;
        }
        QThread::msleep(100);
    }
}

QString RedisCluster::url(int node) const
{
    return QStringLiteral("redis://127.0.0.1:%1/0").arg(m_ports.value(node));
}

quint16 RedisCluster::masterOf(int slot) const
{
    for (int i = 0; i < m_ports.size(); ++i) {
        if (m_nodes[std::size_t(i)]->state() != QProcess::Running) {
            continue;
        }
        const Result<engine::RedisReply> map = ask(m_ports[i], {"CLUSTER", "SLOTS"});
        if (!map) {
            continue;
        }
        for (const engine::RedisReply& range : map->elements) {
            if (range.elements.size() >= 3 && range.elements[0].integer <= slot &&
                slot <= range.elements[1].integer) {
                return quint16(range.elements[2].elements.value(1).integer);
            }
        }
    }
    return 0;
}

QString RedisCluster::nodeId(quint16 port) const
{
    const Result<engine::RedisReply> id = ask(port, {"CLUSTER", "MYID"});
    return id ? QString::fromUtf8(id->string) : QString();
}

bool RedisCluster::killMasterOf(int slot, int timeoutMs)
{
    const quint16 master = masterOf(slot);
    const int index = int(m_ports.indexOf(master));
    if (index < 0) {
        return false;
    }
    m_nodes[std::size_t(index)]->kill(); // SIGKILL: no goodbye to the cluster
    m_nodes[std::size_t(index)]->waitForFinished(5000);
    QElapsedTimer waiting;
    waiting.start();
    while (!waiting.hasExpired(timeoutMs)) {
        const quint16 now = masterOf(slot);
        if (now != 0 && now != master) {
            const Result<engine::RedisReply> info = ask(now, {"CLUSTER", "INFO"});
            if (info && info->string.contains("cluster_state:ok")) {
                return true;
            }
        }
        QThread::msleep(100);
    }
    return false;
}

} // namespace pixelnest::test
