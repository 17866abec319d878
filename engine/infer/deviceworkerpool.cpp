#include "infer/deviceworkerpool.h"

#include "infer/torchruntime.h"
#include "pixelnest/logging.h"

namespace pixelnest::engine
{

DeviceWorkerPool::DeviceWorkerPool(QString modelName, InputSpec input, DynamicBatcher& batcher,
                                   std::vector<std::unique_ptr<TorchModel>> models,
                                   int torchThreads)
    : m_modelName(std::move(modelName)), m_input(input), m_batcher(batcher),
      m_models(std::move(models)), m_torchThreads(torchThreads)
{
    m_pool.setObjectName(QStringLiteral("infer-%1").arg(m_modelName));
    m_pool.setMaxThreadCount(int(m_models.size()));
    m_pool.setExpiryTimeout(-1); // the workers live as long as the model
    for (const std::unique_ptr<TorchModel>& model : m_models) {
        TorchModel* owned = model.get();
        m_pool.start([this, owned] { work(*owned); });
    }
}

DeviceWorkerPool::~DeviceWorkerPool()
{
    m_batcher.stop();
    m_pool.waitForDone();
}

void DeviceWorkerPool::work(TorchModel& model)
{
    TorchRuntime::configureThread(m_torchThreads);
    for (;;) {
        std::vector<RequestPtr> batch = m_batcher.takeBatch();
        if (batch.empty()) {
            return; // stopped
        }
        runBatch(model, batch);
    }
}

void DeviceWorkerPool::runBatch(TorchModel& model, std::vector<RequestPtr>& batch)
{
    std::vector<const float*> inputs;
    inputs.reserve(batch.size());
    for (const RequestPtr& request : batch) {
        inputs.push_back(request->input.data());
    }
    Result<std::vector<ModelOutput>> outputs = model.forward(inputs, m_input);
    if (!outputs) {
        isolate(model, batch, outputs.error());
        return;
    }
    for (size_t i = 0; i < batch.size(); ++i) {
        batch[i]->promise.set_value(std::move(outputs.value()[i]));
    }
}

// The batch failed: run each image alone. If some succeed, the ones that still fail are bad
// inputs (permanent, their own jobs only); if every one fails, the model or the device is at
// fault (transient: the jobs are retried with backoff and readiness keeps reporting).
void DeviceWorkerPool::isolate(TorchModel& model, std::vector<RequestPtr>& batch,
                               const Error& batchError)
{
    if (batch.size() > 1) {
        qCWarning(lcInfer).noquote() << QStringLiteral("model %1: a batch of %2 failed (%3); "
                                                       "retrying image by image")
                                            .arg(m_modelName)
                                            .arg(batch.size())
                                            .arg(batchError.message);
    }
    std::vector<Result<ModelOutput>> results;
    bool anySucceeded = false;
    for (const RequestPtr& request : batch) {
        Result<std::vector<ModelOutput>> single =
            batch.size() == 1 ? Result<std::vector<ModelOutput>>(batchError)
                              : model.forward({request->input.data()}, m_input);
        if (single) {
            anySucceeded = true;
            results.emplace_back(std::move(single.value().front()));
        } else {
            results.emplace_back(single.error());
        }
    }
    for (size_t i = 0; i < batch.size(); ++i) {
        if (results[i].ok()) {
            batch[i]->promise.set_value(std::move(results[i]));
            continue;
        }
        const ErrorCode code = anySucceeded ? ErrorCode::InvalidInput : ErrorCode::Unavailable;
        const QString why =
            anySucceeded ? QStringLiteral("fails on this image alone") : QStringLiteral("failed");
        batch[i]->promise.set_value(makeError(
            Service::Model, code,
            QStringLiteral("model %1 %2: %3").arg(m_modelName, why, results[i].error().message)));
    }
}

} // namespace pixelnest::engine
