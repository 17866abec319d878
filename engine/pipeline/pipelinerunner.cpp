#include "pipeline/pipelinerunner.h"

#include <QElapsedTimer>

#include <exception>
#include <new>

namespace pixelnest::engine
{

namespace
{

// Runs one stage, turning any exception into an Error: a bad_alloc while decoding a hostile
// image is this job's permanent failure, anything else unexpected is transient.
Result<void> guarded(Stage& stage, StageContext& context)
{
    try {
        return stage.process(context);
    } catch (const std::bad_alloc&) {
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("stage %1 ran out of memory on this image").arg(stage.name()));
    } catch (const std::exception& exception) {
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("stage %1 failed: %2")
                             .arg(stage.name(), QString::fromLocal8Bit(exception.what())));
    } catch (...) {
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("stage %1 failed with an unknown exception").arg(stage.name()));
    }
}

} // namespace

int RetryPolicy::delayForAttempt(int attemptInRound) const
{
    const int shift = qBound(0, attemptInRound - 1, 16);
    return int(qMin<qint64>(qint64(baseDelayMs) << shift, maxDelayMs));
}

PipelineRunner::PipelineRunner(const PipelineRegistry& pipelines, RetryPolicy retry,
                               EngineMetrics& metrics)
    : m_pipelines(pipelines), m_retry(retry), m_metrics(metrics)
{
}

JobOutcome PipelineRunner::failure(const ClaimedJob& job, const Error& error) const
{
    JobOutcome outcome;
    outcome.id = job.id;
    outcome.attempt = job.attempt;
    // Permanent: the input itself is wrong, a retry cannot help.
    const bool permanent =
        error.code == ErrorCode::InvalidInput || error.code == ErrorCode::NotFound;
    if (permanent) {
        outcome.outcome = Outcome::Failed;
        outcome.error = error.message;
    } else if (job.attemptInRound < m_retry.maxAttempts) {
        outcome.outcome = Outcome::Retry;
        outcome.error = error.message;
        outcome.retryDelayMs = m_retry.delayForAttempt(job.attemptInRound);
    } else {
        outcome.outcome = Outcome::Failed;
        outcome.error = QStringLiteral("%1 (gave up after %2 attempts)")
                            .arg(error.message)
                            .arg(job.attemptInRound);
    }
    return outcome;
}

JobOutcome PipelineRunner::run(const ClaimedJob& job) const
{
    const Pipeline* pipeline = m_pipelines.find(job.pipeline);
    if (pipeline == nullptr) {
        return failure(
            job, makeError(ErrorCode::InvalidInput,
                           QStringLiteral("unknown pipeline '%1' (known: %2)")
                               .arg(job.pipeline, m_pipelines.names().join(QStringLiteral(", ")))));
    }
    StageContext context;
    context.jobId = job.id;
    context.title = job.title;
    context.format = job.format;
    context.bytes = job.bytes;
    QElapsedTimer total;
    total.start();
    for (const StagePtr& stage : pipeline->stages) {
        QElapsedTimer timer;
        timer.start();
        const Result<void> done = guarded(*stage, context);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        m_metrics.observeStageSeconds(stage->name(), ms / 1000.0);
        context.timingsMs.insert(stage->name(), ms);
        if (!done) {
            return failure(job, done.error());
        }
    }
    context.timingsMs.insert(QStringLiteral("total"), double(total.nsecsElapsed()) / 1e6);
    context.result.insert(QStringLiteral("timings_ms"), context.timingsMs);
    JobOutcome outcome;
    outcome.id = job.id;
    outcome.attempt = job.attempt;
    outcome.outcome = Outcome::Completed;
    outcome.width = context.image.width();
    outcome.height = context.image.height();
    outcome.thumbnail = std::move(context.thumbnail);
    outcome.anonymised = std::move(context.anonymised);
    outcome.result = std::move(context.result);
    return outcome;
}

} // namespace pixelnest::engine
