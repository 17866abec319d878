#pragma once

#include "pixelnest/adminclient.h"
#include "pixelnest/engine.h"

#include <QString>

#include <functional>
#include <memory>

namespace pixelnest::test
{

// A fresh database and Redis namespace on the fixture's servers, an AdminClient on them, and
// helpers to run an in-process engine and wait for outcomes. One per test function.
class EngineFixture final
{
public:
    EngineFixture();
    ~EngineFixture();

    ConnectionConfig connections() const { return m_connections; }
    QString ns() const { return m_ns; }
    AdminClient& admin() { return *m_admin; }

    EngineConfig engineConfig() const; // this fixture's namespace, fast timings for tests
    Engine& startEngine(const EngineConfig& options,
                        PipelineRegistry pipelines = PipelineRegistry::builtIn());
    void stopEngine();

    // Submits generated images; returns their ids (fails the test on rejection).
    QList<qint64> submit(int count, int priority = 0,
                         const QString& pipeline = QStringLiteral("noop"),
                         const QByteArray& bytes = {});

    qint64 countWhere(const QString& condition); // SELECT count(*) FROM images WHERE …
    qint64 scalar(const QString& sql);
    // Polls (processing events) until `condition` holds or timeoutMs passes.
    static bool waitFor(const std::function<bool()>& condition, int timeoutMs);

private:
    QString m_conninfo;
    QString m_ns;
    ConnectionConfig m_connections;
    std::unique_ptr<AdminClient> m_admin;
    std::unique_ptr<Engine> m_engine;
};

} // namespace pixelnest::test
