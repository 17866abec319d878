#pragma once

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace pixelnest
{

// A Prometheus histogram: cumulative buckets, sum and count. Thread-safe.
class Histogram final
{
public:
    explicit Histogram(std::vector<double> upperBounds);
    void observe(double value);
    // Appends the exposition lines for `name` with optional extra labels (`stage="decode"`).
    void write(QByteArray& out, const QByteArray& name, const QByteArray& labels = {}) const;

private:
    mutable QMutex m_mutex;
    std::vector<double> m_bounds;
    std::vector<qint64> m_counts;
    double m_sum = 0;
    qint64 m_count = 0;
};

// What the engine counts, for /metrics and the heartbeat. Written from every engine thread.
class EngineMetrics final
{
public:
    EngineMetrics();

    std::atomic<qint64> completed{0};
    std::atomic<qint64> failed{0};
    std::atomic<qint64> retried{0};
    std::atomic<qint64> staleWrites{0}; // rejected by the fencing check
    std::atomic<qint64> inFlight{0};
    std::atomic<bool> postgresUp{false};
    std::atomic<bool> redisUp{false};

    void observeJobSeconds(double seconds) { m_jobSeconds.observe(seconds); }
    void observeBatchSize(int jobs) { m_batchSize.observe(jobs); }
    void observeStageSeconds(const QString& stage, double seconds);
    void setQueueDepth(const QMap<int, qint64>& depthByPriority);
    void setLastError(const QString& error);
    QString lastError() const;

    // Prometheus text exposition format 0.0.4, names prefixed pixelnest_.
    QByteArray prometheusText() const;

private:
    Histogram m_jobSeconds;
    Histogram m_batchSize;
    mutable QMutex m_mutex; // guards the maps below
    QMap<QString, Histogram*> m_stageSeconds;
    std::vector<std::unique_ptr<Histogram>> m_stageStorage;
    QMap<int, qint64> m_queueDepth;
    QString m_lastError;
};

} // namespace pixelnest
