#pragma once

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>

#include <atomic>
#include <memory>

namespace pixelnest
{

// What the engine counts, for /metrics and the heartbeat. Written from every engine thread.
// The histograms live in a prometheus-cpp registry; the counts below are atomics that the
// heartbeat reads too, exported through a collector at scrape time (service/enginemetrics.cpp).
class EngineMetrics final
{
public:
    EngineMetrics();
    ~EngineMetrics();
    EngineMetrics(const EngineMetrics&) = delete;
    EngineMetrics& operator=(const EngineMetrics&) = delete;

    std::atomic<qint64> completed{0};
    std::atomic<qint64> failed{0};
    std::atomic<qint64> retried{0};
    std::atomic<qint64> staleWrites{0}; // rejected by the fencing check
    std::atomic<qint64> claims{0};      // claim round trips to Redis
    std::atomic<qint64> emptyClaims{0}; // of which nothing was ready (or others took it)
    std::atomic<qint64> inFlight{0};
    std::atomic<bool> postgresUp{false};
    std::atomic<bool> redisUp{false};
    // The process and its device, sampled with each heartbeat; -1: unknown (no GPU).
    std::atomic<qint64> residentBytes{0};
    std::atomic<qint64> deviceMemoryUsedBytes{-1};
    std::atomic<qint64> deviceMemoryTotalBytes{-1};

    void observeJobSeconds(double seconds);
    void observeBatchSize(int jobs);
    void observeStageSeconds(const QString& stage, double seconds);
    // Every priority seen since start stays exported, as 0 once empty (and 0 is always there):
    // an alert on a band's depth needs the series to exist.
    void setQueueDepth(const QMap<int, qint64>& depthByPriority);
    void setLastError(const QString& error);
    QString lastError() const;

    // Prometheus text exposition format 0.0.4 (prometheus-cpp's serializer), names prefixed
    // pixelnest_.
    QByteArray prometheusText() const;

private:
    struct Registry; // prometheus-cpp, kept out of this header
    std::unique_ptr<Registry> m_registry;
    mutable QMutex m_mutex; // guards the two below
    QMap<int, qint64> m_queueDepth;
    QString m_lastError;
    friend class EngineMetricsCollector;
};

} // namespace pixelnest
