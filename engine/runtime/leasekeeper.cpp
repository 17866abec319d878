#include "runtime/leasekeeper.h"

#include "pixelnest/logging.h"
#include "pixelnest/version.h"
#include "runtime/dispatchcontrol.h"
#include "service/heartbeat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

namespace pixelnest::engine
{

namespace
{

constexpr int kTickMs = 50;

} // namespace

LeaseKeeper::LeaseKeeper(EngineContext& context)
    : m_context(context),
      // Engine::start validated the URL before any thread exists.
      m_redis(RedisUrl::parse(context.connections.redis).value(), 2000),
      m_queue(m_redis, context.config.service.ns),
      m_settings(sharedSettings(context.config, context.pipelines)),
      m_fingerprint(settingsFingerprint(m_settings)), m_deviceName(cpuModelName())
{
}

void LeaseKeeper::run()
{
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_sinceBeat.start();
    m_sinceRenew.start();
    beat();
    // Leases must outlive the writer: keep renewing until every result is settled.
    while (!m_context.writerDone) {
        if (m_sinceBeat.hasExpired(m_context.config.runtime.heartbeatMs())) {
            m_sinceBeat.restart();
            beat();
        }
        giveUpOnOverdue();
        if (m_sinceRenew.hasExpired(m_context.config.runtime.leaseMs() / 3)) {
            m_sinceRenew.restart();
            renewLeases();
        }
        QThread::msleep(kTickMs);
    }
    beat();
}

void LeaseKeeper::followControl()
{
    const Result<QPair<QByteArray, QList<QByteArray>>> control =
        m_queue.controlFor(m_context.owner);
    if (control) {
        applyControl(m_context, control->first, control->second);
    }
}

void LeaseKeeper::beat()
{
    followControl();
    const QStringList parts = m_context.worker.split(QLatin1Char(':'));
    const QString device = m_context.pipelines.device().isEmpty()
                               ? m_context.config.inference.device
                               : m_context.pipelines.device();
    const ProcessSample process = m_sampler.sample();
    m_context.metrics.residentBytes = process.rssBytes;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList served;
    for (const QByteArray& pipeline : m_context.served) {
        served.append(QString::fromUtf8(pipeline));
    }
    QJsonObject fields{
        {QStringLiteral("id"), QString::fromUtf8(m_context.owner)},
        {QStringLiteral("host"), parts.value(0)},
        {QStringLiteral("pid"), parts.value(1).toLongLong()},
        {QStringLiteral("version"), QLatin1String(kVersion)},
        {QStringLiteral("device"), device},
        // What "device" stands for on this box: the GPU's or the CPU's name.
        {QStringLiteral("device_name"), m_deviceName},
        {QStringLiteral("load"), process.load1},
        {QStringLiteral("rss_bytes"), process.rssBytes},
        {QStringLiteral("cpu_percent"), qRound(process.cpuPercent * 10) / 10.0},
        {QStringLiteral("uptime_s"), (now - m_startedAtMs) / 1000},
        {QStringLiteral("state"), engineState(m_context)},
        {QStringLiteral("workers"), m_context.config.runtime.workers},
        {QStringLiteral("batch_size"), m_context.config.runtime.batchSize},
        // The settings in force, so that an operator (and the option tests) can see what an
        // engine was started with.
        {QStringLiteral("lease_ms"), m_context.config.runtime.leaseMs()},
        {QStringLiteral("max_attempts"), m_context.config.runtime.maxAttempts},
        {QStringLiteral("max_batch_delay_ms"),
         qint64(std::chrono::duration_cast<std::chrono::milliseconds>(
                    m_context.config.inference.maxBatchDelay)
                    .count())},
        {QStringLiteral("pipelines"), QJsonArray::fromStringList(served)},
        {QStringLiteral("in_flight"), m_context.inFlight.size()},
        {QStringLiteral("processed"), m_context.metrics.completed.load()},
        {QStringLiteral("failed"), m_context.metrics.failed.load()},
        {QStringLiteral("last_error"), m_context.metrics.lastError()},
        {QStringLiteral("started_at_ms"), m_startedAtMs},
        {QStringLiteral("stopping"), m_context.stopClaiming.load()},
        {QStringLiteral("stuck"), m_context.stuck.count()},
        {QStringLiteral("settings"), m_settings},
        {QStringLiteral("settings_fingerprint"), m_fingerprint},
    };
    qint64 gpuUsed = 0;
    qint64 gpuTotal = 0;
    if (device.startsWith(QLatin1String("cuda")) &&
        gpuMemory(device.section(QLatin1Char(':'), 1).toInt(), gpuUsed, gpuTotal)) {
        fields.insert(QStringLiteral("gpu_memory_used_bytes"), gpuUsed);
        fields.insert(QStringLiteral("gpu_memory_total_bytes"), gpuTotal);
        m_context.metrics.deviceMemoryUsedBytes = gpuUsed;
        m_context.metrics.deviceMemoryTotalBytes = gpuTotal;
    } else { // no GPU here, or its memory unknown: absent, not zero
        fields.insert(QStringLiteral("gpu_memory_used_bytes"), QJsonValue::Null);
        fields.insert(QStringLiteral("gpu_memory_total_bytes"), QJsonValue::Null);
    }
    const int ttlMs = heartbeatTtlMs(m_context.config.runtime.heartbeatMs());
    fields.insert(QStringLiteral("ttl_ms"), ttlMs); // staleness = ttl_ms - PTTL, no clocks
    if (Result<void> sent = m_queue.publishHeartbeat(m_context.owner, heartbeatJson(fields), ttlMs);
        !sent) {
        m_context.metrics.redisUp = false;
        qCDebug(lcRuntime) << "heartbeat not sent:" << sent.error().message;
    }
}

void LeaseKeeper::giveUpOnOverdue()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const HeldLease& held : m_context.inFlight.takeOverdue(now)) {
        const qint64 timeoutMs = held.deadlineMs - held.claimedAtMs;
        ClaimedJob job;
        job.id = held.id;
        job.attempt = held.attempt;
        job.attemptInRound = held.attemptInRound;
        const Error timedOut = makeError(
            ErrorCode::Unavailable, QStringLiteral("timed out after %1 s").arg(timeoutMs / 1000));
        qCWarning(lcRuntime).noquote()
            << QStringLiteral("job %1 attempt %2 %3; its worker is stuck "
                              "until the task returns")
                   .arg(held.id)
                   .arg(held.attempt)
                   .arg(timedOut.message);
        m_context.stuck.add({held.id, held.attempt}, held.claimedAtMs, timeoutMs);
        // Written like any outcome (fenced by attempt); the task's own late outcome then finds
        // the attempt over and changes nothing.
        m_context.outcomes.push(m_context.runner->failure(job, timedOut));
    }
}

void LeaseKeeper::renewLeases()
{
    const Result<QList<qint64>> lost =
        m_queue.renew(m_context.inFlight.leases(), m_context.config.runtime.leaseMs());
    if (!lost) {
        qCWarning(lcRuntime).noquote() << "leases not renewed:" << lost.error().message;
        return;
    }
    if (!lost->isEmpty()) {
        // Reaped or cancelled meanwhile: the fencing check will reject our late writes.
        qCInfo(lcRuntime) << lost->size() << "leases were taken back from this engine";
    }
}

} // namespace pixelnest::engine
