#pragma once

#include "infer/inferencerequest.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace pixelnest::engine
{

// The dynamic-batching queue of one model (Triton's policy): a batch closes when
// `maxBatchSize` requests wait or when the oldest has waited `maxDelay`, whichever comes first.
// Many pipeline threads submit; the model's device workers take batches. A request that
// arrives while every worker is busy simply waits, so batches grow under load by themselves.
class DynamicBatcher final
{
public:
    DynamicBatcher(int maxBatchSize, std::chrono::microseconds maxDelay);
    ~DynamicBatcher();
    DynamicBatcher(const DynamicBatcher&) = delete;
    DynamicBatcher& operator=(const DynamicBatcher&) = delete;

    // Thread-safe; never blocks. After stop() the future holds an Unavailable error at once.
    std::future<Result<ModelOutput>> submit(std::vector<float> input);
    // For a device worker: blocks until a batch is due. Empty once stop() was called.
    std::vector<RequestPtr> takeBatch();
    // Wakes the workers and fails whatever still waits (the engine is shutting down).
    void stop();

    int maxBatchSize() const { return m_maxBatchSize; }
    // Batches and images handed to workers so far: the mean batch size, for tests and benches.
    qint64 batches() const { return m_batches.load(); }
    qint64 images() const { return m_images.load(); }

private:
    const int m_maxBatchSize;
    const std::chrono::microseconds m_maxDelay;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<RequestPtr> m_queue;
    bool m_stopping = false;
    std::atomic<qint64> m_batches{0};
    std::atomic<qint64> m_images{0};
};

} // namespace pixelnest::engine
