#pragma once

#include "pixelnest/stage.h"

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

} // namespace pixelnest::test
