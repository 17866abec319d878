#include "runtime/dispatchcontrol.h"

#include "pixelnest/logging.h"

namespace pixelnest::engine
{

void applyControl(EngineContext& context, const QByteArray& instruction,
                  const QList<QByteArray>& pausedPipelines)
{
    const bool pause = instruction == "pause";
    if (context.pausedByControl.exchange(pause) != pause) {
        qCInfo(lcRuntime) << (pause ? "paused by an operator: claiming nothing new, finishing"
                                    : "resumed by an operator")
                          << (pause ? context.inFlight.size() : 0) << "jobs in flight";
    }
    bool allPaused = pausedPipelines.contains("*");
    if (!allPaused && !context.served.isEmpty()) {
        allPaused = true;
        for (const QByteArray& pipeline : context.served) {
            allPaused = allPaused && pausedPipelines.contains(pipeline);
        }
    }
    context.servedPaused = allPaused;
    if (instruction == "drain" && !context.drainRequested.exchange(true)) {
        qCInfo(lcRuntime) << "drain requested by an operator: no new claims; finishing"
                          << context.inFlight.size() << "jobs in flight, then stopping";
        qint64 notYet = 0;
        context.stopRequestedAtMs.compare_exchange_strong(notYet,
                                                          QDateTime::currentMSecsSinceEpoch());
        context.stopClaiming = true;
    }
}

QString engineState(const EngineContext& context)
{
    if (context.stuck.count() > 0) {
        return QStringLiteral("stuck");
    }
    if (context.stopClaiming) {
        return QStringLiteral("draining");
    }
    if (context.pausedByControl || context.servedPaused) {
        return QStringLiteral("paused");
    }
    return QStringLiteral("running");
}

} // namespace pixelnest::engine
