#pragma once

#include "pixelnest/stage.h"

#include <QThread>

namespace pixelnest::test
{

// A stage that fails transiently every time, as a dead GPU or an unreachable service would:
// its jobs retry with backoff until their attempts are spent.
class AlwaysUnavailableStage final : public Stage
{
public:
    QString name() const override { return QStringLiteral("flaky"); }
    Result<void> process(StageContext&) override
    {
        return makeError(ErrorCode::Unavailable, QStringLiteral("device busy"));
    }
};

// A stage that takes `ms` milliseconds: jobs that are still running when a fault strikes.
class SlowStage final : public Stage
{
public:
    explicit SlowStage(int ms) : m_ms(ms) {}
    QString name() const override { return QStringLiteral("slow"); }
    Result<void> process(StageContext&) override
    {
        QThread::msleep(ulong(m_ms));
        return {};
    }

private:
    int m_ms;
};

} // namespace pixelnest::test
