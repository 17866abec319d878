#include "pixelnest/enginemetrics.h"

#include <prometheus/collectable.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <sstream>

namespace pixelnest
{

namespace
{

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

const prometheus::Histogram::BucketBoundaries kSecondsBuckets{
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
const prometheus::Histogram::BucketBoundaries kBatchBuckets{1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

MetricFamily family(const char* name, const char* help, MetricType type)
{
    return MetricFamily{name, help, type, {}};
}

ClientMetric sample(double value, MetricType type, std::vector<ClientMetric::Label> labels = {})
{
    ClientMetric metric;
    metric.label = std::move(labels);
    if (type == MetricType::Counter) {
        metric.counter.value = value;
    } else {
        metric.gauge.value = value;
    }
    return metric;
}

MetricFamily single(const char* name, const char* help, MetricType type, double value)
{
    MetricFamily gauge = family(name, help, type);
    gauge.metric.push_back(sample(value, type));
    return gauge;
}

} // namespace

// The counts the engine keeps as atomics (the heartbeat reads them too), turned into metric
// families when Prometheus scrapes: a prometheus-cpp Collectable, next to the registry's own.
class EngineMetricsCollector final : public prometheus::Collectable
{
public:
    explicit EngineMetricsCollector(const EngineMetrics& metrics) : m_metrics(metrics) {}

    std::vector<MetricFamily> Collect() const override
    {
        const EngineMetrics& m = m_metrics;
        std::vector<MetricFamily> families;
        MetricFamily depth = family("pixelnest_queue_depth",
                                    "Jobs waiting in the queue, by priority.", MetricType::Gauge);
        {
            QMutexLocker lock(&m.m_mutex);
            for (auto it = m.m_queueDepth.cbegin(); it != m.m_queueDepth.cend(); ++it) {
                depth.metric.push_back(sample(double(it.value()), MetricType::Gauge,
                                              {{"priority", std::to_string(it.key())}}));
            }
        }
        families.push_back(std::move(depth));
        families.push_back(single("pixelnest_in_flight", "Jobs this engine holds a lease on.",
                                  MetricType::Gauge, double(m.inFlight.load())));
        MetricFamily jobs =
            family("pixelnest_jobs_total", "Jobs finished by this engine, by outcome.",
                   MetricType::Counter);
        for (const auto& [outcome, count] :
             {std::pair{"completed", &m.completed}, std::pair{"failed", &m.failed},
              std::pair{"retried", &m.retried}, std::pair{"stale", &m.staleWrites}}) {
            jobs.metric.push_back(
                sample(double(count->load()), MetricType::Counter, {{"outcome", outcome}}));
        }
        families.push_back(std::move(jobs));
        MetricFamily claims =
            family("pixelnest_claims_total",
                   "Claim round trips to Redis, by whether they got jobs.", MetricType::Counter);
        const qint64 empty = m.emptyClaims.load();
        claims.metric.push_back(
            sample(double(m.claims.load() - empty), MetricType::Counter, {{"result", "jobs"}}));
        claims.metric.push_back(sample(double(empty), MetricType::Counter, {{"result", "empty"}}));
        families.push_back(std::move(claims));
        families.push_back(
            single("pixelnest_worker_up", "1 while this engine runs.", MetricType::Gauge, 1));
        families.push_back(single("pixelnest_postgres_up",
                                  "PostgreSQL reachable at the last attempt.", MetricType::Gauge,
                                  m.postgresUp ? 1 : 0));
        families.push_back(single("pixelnest_redis_up", "Redis reachable at the last attempt.",
                                  MetricType::Gauge, m.redisUp ? 1 : 0));
        families.push_back(single("pixelnest_process_resident_memory_bytes",
                                  "Resident memory of this engine's process.", MetricType::Gauge,
                                  double(m.residentBytes.load())));
        if (m.deviceMemoryTotalBytes.load() >= 0) { // a GPU whose memory the driver reports
            families.push_back(single("pixelnest_device_memory_used_bytes",
                                      "Memory in use on the inference device.", MetricType::Gauge,
                                      double(m.deviceMemoryUsedBytes.load())));
            families.push_back(single("pixelnest_device_memory_total_bytes",
                                      "Memory of the inference device.", MetricType::Gauge,
                                      double(m.deviceMemoryTotalBytes.load())));
        }
        return families;
    }

private:
    const EngineMetrics& m_metrics;
};

struct EngineMetrics::Registry
{
    explicit Registry(const EngineMetrics& metrics)
        : collector(metrics), jobSeconds(prometheus::BuildHistogram()
                                             .Name("pixelnest_job_duration_seconds")
                                             .Help("From claim to result written.")
                                             .Register(registry)
                                             .Add({}, kSecondsBuckets)),
          stageSeconds(prometheus::BuildHistogram()
                           .Name("pixelnest_stage_duration_seconds")
                           .Help("Time per pipeline stage.")
                           .Register(registry)),
          batchSize(prometheus::BuildHistogram()
                        .Name("pixelnest_batch_size")
                        .Help("Jobs per claim.")
                        .Register(registry)
                        .Add({}, kBatchBuckets))
    {
    }

    prometheus::Registry registry;
    EngineMetricsCollector collector;
    prometheus::Histogram& jobSeconds;
    prometheus::Family<prometheus::Histogram>& stageSeconds;
    prometheus::Histogram& batchSize;
};

EngineMetrics::EngineMetrics() : m_registry(std::make_unique<Registry>(*this))
{
    m_queueDepth.insert(0, 0);
}

EngineMetrics::~EngineMetrics() = default;

void EngineMetrics::observeJobSeconds(double seconds)
{
    m_registry->jobSeconds.Observe(seconds);
}

void EngineMetrics::observeBatchSize(int jobs)
{
    m_registry->batchSize.Observe(jobs);
}

void EngineMetrics::observeStageSeconds(const QString& stage, double seconds)
{
    // Family::Add is thread-safe and returns the existing histogram for known labels.
    m_registry->stageSeconds.Add({{"stage", stage.toStdString()}}, kSecondsBuckets)
        .Observe(seconds);
}

void EngineMetrics::setQueueDepth(const QMap<int, qint64>& depthByPriority)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_queueDepth.begin(); it != m_queueDepth.end(); ++it) {
        it.value() = 0;
    }
    for (auto it = depthByPriority.cbegin(); it != depthByPriority.cend(); ++it) {
        m_queueDepth.insert(it.key(), it.value());
    }
}

void EngineMetrics::setLastError(const QString& error)
{
    QMutexLocker lock(&m_mutex);
    m_lastError = error;
}

QString EngineMetrics::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastError;
}

QByteArray EngineMetrics::prometheusText() const
{
    std::vector<MetricFamily> families = m_registry->collector.Collect();
    for (MetricFamily& histogram : m_registry->registry.Collect()) {
        families.push_back(std::move(histogram));
    }
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, families);
    return QByteArray::fromStdString(out.str());
}

} // namespace pixelnest
