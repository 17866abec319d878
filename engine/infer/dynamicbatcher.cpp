#include "infer/dynamicbatcher.h"

#include <algorithm>

namespace pixelnest::engine
{

namespace
{

Error stopped()
{
    return makeError(Service::Model, ErrorCode::Unavailable,
                     QStringLiteral("inference is shutting down; the job will be retried"));
}

} // namespace

DynamicBatcher::DynamicBatcher(int maxBatchSize, std::chrono::microseconds maxDelay)
    : m_maxBatchSize(std::max(1, maxBatchSize)),
      m_maxDelay(std::max(std::chrono::microseconds(0), maxDelay))
{
}

DynamicBatcher::~DynamicBatcher()
{
    stop();
}

std::future<Result<ModelOutput>> DynamicBatcher::submit(std::vector<float> input)
{
    auto request = std::make_unique<InferenceRequest>();
    request->input = std::move(input);
    request->enqueued = std::chrono::steady_clock::now();
    std::future<Result<ModelOutput>> future = request->promise.get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            request->promise.set_value(stopped());
            return future;
        }
        m_queue.push_back(std::move(request));
    }
    // All, not one: a worker waiting for the delay must see that the batch became full.
    m_changed.notify_all();
    return future;
}

std::vector<RequestPtr> DynamicBatcher::takeBatch()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_queue.empty()) {
            m_changed.wait(lock);
            continue;
        }
        const auto due = m_queue.front()->enqueued + m_maxDelay;
        if (int(m_queue.size()) >= m_maxBatchSize || std::chrono::steady_clock::now() >= due) {
            const size_t count = std::min(m_queue.size(), size_t(m_maxBatchSize));
            std::vector<RequestPtr> batch;
            batch.reserve(count);
            for (size_t i = 0; i < count; ++i) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            m_batches.fetch_add(1);
            m_images.fetch_add(qint64(count));
            if (!m_queue.empty()) {
                m_changed.notify_all(); // another idle worker can start on the rest
            }
            return batch;
        }
        m_changed.wait_until(lock, due);
    }
    return {};
}

void DynamicBatcher::stop()
{
    std::deque<RequestPtr> orphans;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        orphans.swap(m_queue);
    }
    m_changed.notify_all();
    for (RequestPtr& request : orphans) {
        request->promise.set_value(stopped());
    }
}

} // namespace pixelnest::engine
