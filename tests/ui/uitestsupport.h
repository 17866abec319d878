#pragma once

// Shared by the console's tests (header-only: the CMake loop builds one file per test).

#include "core/consolesession.h"
#include "pixelnest/adminclient.h"
#include "pixelnest/adminservice.h"
#include "pixelnest/prepareservers.h"
#include "store/pgconnection.h"
#include "teststack.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWidget>

namespace pixelnest::test
{

// Settings go to a private directory, never the user's: call before the first QSettings use.
inline void isolateSettings()
{
    static QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
}

// Runs one statement on `conninfo`; fails the test process on error.
inline engine::PgResult execSql(const QString& conninfo, const QByteArray& sql,
                                const QList<QByteArray>& params = {})
{
    engine::PgConnection connection;
    if (!connection.open(conninfo)) {
        qFatal("cannot connect to %s", qPrintable(conninfo));
    }
    Result<engine::PgResult> result = connection.exec(sql, params);
    if (!result) {
        qFatal("SQL failed: %s\n%s", qPrintable(result.error().message), sql.constData());
    }
    return result.value();
}

inline qint64 sqlScalar(const QString& conninfo, const QByteArray& sql,
                        const QList<QByteArray>& params = {})
{
    const engine::PgResult rows = execSql(conninfo, sql, params);
    return rows.rows() > 0 ? rows.integer(0, 0) : -1;
}

inline QString uniqueNamespace()
{
    return QStringLiteral("ui") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

// The demo photos (build/models/samples, as scripts/setup fetches them). Without them a
// generated photo-like image stands in, so that the tests never depend on a download.
inline QStringList samplePhotos(const QString& fallbackDir)
{
    const QStringList candidates{
        qEnvironmentVariable("PIXELNEST_BUILD_DIR") + QStringLiteral("/models/samples"),
        qEnvironmentVariable("PIXELNEST_SOURCE_DIR") + QStringLiteral("/build/models/samples")};
    for (const QString& dir : candidates) {
        const QStringList files =
            QDir(dir).entryList({QStringLiteral("sample*.jpg")}, QDir::Files, QDir::Name);
        if (files.size() >= 6) {
            QStringList paths;
            for (const QString& file : files) {
                paths.append(QDir(dir).absoluteFilePath(file));
            }
            return paths;
        }
    }
    QStringList paths;
    for (int i = 1; i <= 6; ++i) {
        QImage image(640, 427, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                image.setPixel(x, y, qRgb((x * i) % 256, (y * 2) % 256, (x + y) % 256));
            }
        }
        const QString path =
            QDir(fallbackDir).absoluteFilePath(QStringLiteral("sample%1.jpg").arg(i));
        image.save(path, "JPEG");
        paths.append(path);
    }
    return paths;
}

// Where screenshots go: <build>/screenshots.
inline QString screenshotPath(const QString& name)
{
    const QString dir =
        qEnvironmentVariable("PIXELNEST_BUILD_DIR") + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

inline void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString path = screenshotPath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo().noquote() << "screenshot:" << path;
}

// A console session on the fixture's servers, as if started with --postgres/--redis.
inline ui::SessionEnvironment sessionEnvironment(const ConnectionConfig& named, const QString& ns,
                                                 const EngineConfig& engine)
{
    ui::SessionEnvironment environment;
    environment.flags.postgres = named.postgres;
    environment.flags.redis = named.redis;
    environment.environment = QProcessEnvironment(); // no PIXELNEST_* from the caller
    environment.localStackDir = stackDir();
    environment.config = engine;
    environment.config.service.ns = ns;
    const EngineConfig config = environment.config;
    environment.createService = [config] { return createAdminService(config); };
    environment.prepare = [ns](const ConnectionConfig& servers, const QString& stackDir) {
        return prepareServers(servers, ns, stackDir);
    };
    environment.pipelines = [] { return Result<PipelineRegistry>(PipelineRegistry::builtIn()); };
    environment.createEngine = [config](const ConnectionConfig& servers,
                                        PipelineRegistry pipelines) {
        return std::make_unique<Engine>(servers, config, std::move(pipelines));
    };
    return environment;
}

// The real admin service on the fixture's servers and namespace, with `limits`.
inline std::unique_ptr<AdminService> serviceFor(const ConnectionConfig& servers, const QString& ns,
                                                const ImageLimits& limits = {})
{
    EngineConfig config;
    config.service.ns = ns;
    config.limits = limits;
    std::unique_ptr<AdminService> service = createAdminService(config);
    service->setConnection(servers);
    return service;
}

} // namespace pixelnest::test
