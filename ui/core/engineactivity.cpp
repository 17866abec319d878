#include "core/engineactivity.h"

#include "pixelnest/engine.h"
#include "pixelnest/enginemetrics.h"

#include <QCoreApplication>
#include <QLocale>

namespace pixelnest::ui
{

QString engineActivity(Engine* engine)
{
    if (engine == nullptr) {
        return {};
    }
    if (engine->isFinished()) {
        return QCoreApplication::translate("EngineActivity", "Engine: stopped");
    }
    for (const Engine::PipelineReadiness& pipeline : engine->pipelineReadiness()) {
        if (pipeline.loading) {
            return QCoreApplication::translate("EngineActivity", "Engine: loading models");
        }
    }
    const qint64 inFlight = engine->metrics().inFlight.load();
    if (inFlight == 0) {
        return QCoreApplication::translate("EngineActivity", "Engine: idle");
    }
    return QCoreApplication::translate("EngineActivity", "Engine: processing %1")
        .arg(QLocale().toString(inFlight));
}

} // namespace pixelnest::ui
