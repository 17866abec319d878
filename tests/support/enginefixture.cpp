#include "enginefixture.h"

#include "store/pgconnection.h"
#include "testimages.h"
#include "teststack.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QUuid>

namespace pixelnest::test
{

EngineFixture::EngineFixture()
    : m_conninfo(createScratchDatabase()),
      m_ns(QStringLiteral("t") + QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    m_connections.postgres = m_conninfo;
    m_connections.redis = redisUrl();
    EngineConfig options;
    options.service.ns = m_ns;
    options.service.queueShards = queueShards();
    Result<std::unique_ptr<AdminClient>> admin = AdminClient::connect(m_connections, options);
    if (!admin) {
        qFatal("AdminClient: %s", qPrintable(admin.error().message));
    }
    m_admin = std::move(admin).value();
}

EngineFixture::~EngineFixture()
{
    stopEngine();
}

EngineConfig EngineFixture::engineConfig() const
{
    EngineConfig options;
    options.service.ns = m_ns;
    options.service.queueShards = queueShards();
    options.runtime.workers = 2;
    options.runtime.batchSize = 16;
    options.runtime.lease = std::chrono::milliseconds(3000);
    options.runtime.retryBase = std::chrono::milliseconds(50);
    options.runtime.reconcileGrace = std::chrono::milliseconds(500);
    options.runtime.heartbeatInterval = std::chrono::milliseconds(200);
    return options;
}

Engine& EngineFixture::startEngine(const EngineConfig& options, PipelineRegistry pipelines)
{
    stopEngine();
    m_engine = std::make_unique<Engine>(m_connections, options, std::move(pipelines));
    if (Result<void> started = m_engine->start(); !started) {
        qFatal("engine: %s", qPrintable(started.error().message));
    }
    return *m_engine;
}

void EngineFixture::stopEngine()
{
    if (m_engine) {
        m_engine->requestStop();
        m_engine->wait(60'000);
        m_engine.reset();
    }
}

QList<qint64> EngineFixture::submit(int count, int priority, const QString& pipeline,
                                    const QByteArray& bytes)
{
    const QByteArray image = bytes.isEmpty() ? encodedImage(8, 8) : bytes;
    QList<ImageUpload> uploads;
    for (int i = 0; i < count; ++i) {
        uploads.append({QStringLiteral("img-%1").arg(i), image, priority, pipeline});
    }
    const Result<SubmitReport> report = m_admin->submit(uploads);
    if (!report || !report->rejected.isEmpty()) {
        qFatal("submit failed: %s", qPrintable(report ? report->rejected.first().error.message
                                                      : report.error().message));
    }
    return report->ids;
}

qint64 EngineFixture::scalar(const QString& sql)
{
    engine::PgConnection connection;
    if (!connection.open(m_conninfo)) {
        return -1;
    }
    const Result<engine::PgResult> rows = connection.exec(sql.toUtf8());
    return rows && rows->rows() > 0 ? rows->integer(0, 0) : -1;
}

qint64 EngineFixture::countWhere(const QString& condition)
{
    return scalar(QStringLiteral("SELECT count(*) FROM images WHERE ") + condition);
}

bool EngineFixture::waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.hasExpired(timeoutMs)) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(20);
    }
    return true;
}

} // namespace pixelnest::test
