#pragma once

#include "infer/modeloutput.h"
#include "pixelnest/result.h"

#include <chrono>
#include <future>
#include <memory>
#include <vector>

namespace pixelnest::engine
{

// One image waiting for its model: the preprocessed input, and the promise its pool thread is
// blocked on.
struct InferenceRequest
{
    std::vector<float> input;
    std::promise<Result<ModelOutput>> promise;
    std::chrono::steady_clock::time_point enqueued;
};

using RequestPtr = std::unique_ptr<InferenceRequest>;

} // namespace pixelnest::engine
