#include "pixelnest/enginemetrics.h"

namespace pixelnest
{

namespace
{

const std::vector<double> kSecondsBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                          0.25,  0.5,    1,     2.5,  5,     10,   30};
const std::vector<double> kBatchBuckets{1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

void writeGauge(QByteArray& out, const QByteArray& name, const QByteArray& help,
                const QByteArray& type, qint64 value)
{
    out += "# HELP " + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' + name + ' ' +
           QByteArray::number(value) + '\n';
}

} // namespace

Histogram::Histogram(std::vector<double> upperBounds)
    : m_bounds(std::move(upperBounds)), m_counts(m_bounds.size(), 0)
{
}

void Histogram::observe(double value)
{
    QMutexLocker lock(&m_mutex);
    for (size_t i = 0; i < m_bounds.size(); ++i) {
        if (value <= m_bounds[i]) {
            ++m_counts[i];
        }
    }
    m_sum += value;
    ++m_count;
}

void Histogram::write(QByteArray& out, const QByteArray& name, const QByteArray& labels) const
{
    QMutexLocker lock(&m_mutex);
    const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
    for (size_t i = 0; i < m_bounds.size(); ++i) {
        out += name + "_bucket{" + prefix + "le=\"" + QByteArray::number(m_bounds[i], 'g', 6) +
               "\"} " + QByteArray::number(m_counts[i]) + '\n';
    }
    out += name + "_bucket{" + prefix + "le=\"+Inf\"} " + QByteArray::number(m_count) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_sum" + braces + ' ' + QByteArray::number(m_sum, 'g', 10) + '\n';
    out += name + "_count" + braces + ' ' + QByteArray::number(m_count) + '\n';
}

EngineMetrics::EngineMetrics() : m_jobSeconds(kSecondsBuckets), m_batchSize(kBatchBuckets) {}

void EngineMetrics::observeStageSeconds(const QString& stage, double seconds)
{
    Histogram* histogram = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        histogram = m_stageSeconds.value(stage);
        if (histogram == nullptr) {
            m_stageStorage.push_back(std::make_unique<Histogram>(kSecondsBuckets));
            histogram = m_stageStorage.back().get();
            m_stageSeconds.insert(stage, histogram);
        }
    }
    histogram->observe(seconds);
}

void EngineMetrics::setQueueDepth(const QMap<int, qint64>& depthByPriority)
{
    QMutexLocker lock(&m_mutex);
    m_queueDepth = depthByPriority;
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
    QByteArray out;
    out += "# HELP pixelnest_queue_depth Jobs waiting in the queue, by priority.\n"
           "# TYPE pixelnest_queue_depth gauge\n";
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_queueDepth.cbegin(); it != m_queueDepth.cend(); ++it) {
            out += "pixelnest_queue_depth{priority=\"" + QByteArray::number(it.key()) + "\"} " +
                   QByteArray::number(it.value()) + '\n';
        }
    }
    writeGauge(out, "pixelnest_in_flight", "Jobs this engine holds a lease on.", "gauge",
               inFlight.load());
    out += "# HELP pixelnest_jobs_total Jobs finished by this engine, by outcome.\n"
           "# TYPE pixelnest_jobs_total counter\n";
    out += "pixelnest_jobs_total{outcome=\"completed\"} " + QByteArray::number(completed.load()) +
           "\npixelnest_jobs_total{outcome=\"failed\"} " + QByteArray::number(failed.load()) +
           "\npixelnest_jobs_total{outcome=\"retried\"} " + QByteArray::number(retried.load()) +
           "\npixelnest_jobs_total{outcome=\"stale\"} " + QByteArray::number(staleWrites.load()) +
           '\n';
    out += "# HELP pixelnest_job_duration_seconds From claim to result written.\n"
           "# TYPE pixelnest_job_duration_seconds histogram\n";
    m_jobSeconds.write(out, "pixelnest_job_duration_seconds");
    out += "# HELP pixelnest_stage_duration_seconds Time per pipeline stage.\n"
           "# TYPE pixelnest_stage_duration_seconds histogram\n";
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_stageSeconds.cbegin(); it != m_stageSeconds.cend(); ++it) {
            it.value()->write(out, "pixelnest_stage_duration_seconds",
                              "stage=\"" + it.key().toUtf8() + '"');
        }
    }
    out += "# HELP pixelnest_batch_size Jobs per claim.\n# TYPE pixelnest_batch_size histogram\n";
    m_batchSize.write(out, "pixelnest_batch_size");
    writeGauge(out, "pixelnest_worker_up", "1 while this engine runs.", "gauge", 1);
    writeGauge(out, "pixelnest_postgres_up", "PostgreSQL reachable at the last attempt.", "gauge",
               postgresUp.load() ? 1 : 0);
    writeGauge(out, "pixelnest_redis_up", "Redis reachable at the last attempt.", "gauge",
               redisUp.load() ? 1 : 0);
    return out;
}

} // namespace pixelnest
