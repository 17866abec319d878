#pragma once

#include "model/claimedjob.h"
#include "model/joboutcome.h"
#include "pixelnest/enginemetrics.h"
#include "pixelnest/pipelines.h"

namespace pixelnest::engine
{

// When a transient failure is tried again, and when it becomes final.
struct RetryPolicy
{
    int maxAttempts = 3; // per round (submit or reprocess): the engine's --max-attempts
    int baseDelayMs = 1000;
    int maxDelayMs = 60'000;

    // base × 2^(attempt−1), capped.
    int delayForAttempt(int attemptInRound) const;
};

// Runs one claimed job through its pipeline and says how it ended. Exceptions from stages are
// caught here (a job boundary) and become that job's failure; nothing escapes to the pool.
class PipelineRunner final
{
public:
    PipelineRunner(const PipelineRegistry& pipelines, RetryPolicy retry, EngineMetrics& metrics);

    JobOutcome run(const ClaimedJob& job) const;
    // How `job` ends on `error`: failed at once when the input is wrong, else retried while the
    // round has attempts left, else failed "(gave up after N attempts)".
    JobOutcome failure(const ClaimedJob& job, const Error& error) const;

private:
    const PipelineRegistry& m_pipelines;
    RetryPolicy m_retry;
    EngineMetrics& m_metrics;
};

} // namespace pixelnest::engine
