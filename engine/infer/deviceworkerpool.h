#pragma once

#include "infer/dynamicbatcher.h"
#include "infer/modelmanifest.h"
#include "infer/torchmodel.h"

#include <QThreadPool>

namespace pixelnest::engine
{

// The inference workers of one model: a QThreadPool with one long-running task per model copy,
// each taking batches from the model's DynamicBatcher, running one forward and handing every
// caller its slice. A batch that throws is retried image by image, so that a bad input fails
// only its own job.
class DeviceWorkerPool final
{
public:
    // Starts one worker per model copy. `batcher` must outlive this pool; stop it first.
    DeviceWorkerPool(QString modelName, InputSpec input, DynamicBatcher& batcher,
                     std::vector<std::unique_ptr<TorchModel>> models, int torchThreads);
    ~DeviceWorkerPool(); // stops the batcher and joins the workers
    DeviceWorkerPool(const DeviceWorkerPool&) = delete;
    DeviceWorkerPool& operator=(const DeviceWorkerPool&) = delete;

    int workers() const { return int(m_models.size()); }

private:
    void work(TorchModel& model);
    void runBatch(TorchModel& model, std::vector<RequestPtr>& batch);
    void isolate(TorchModel& model, std::vector<RequestPtr>& batch, const Error& batchError);

    const QString m_modelName;
    const InputSpec m_input;
    DynamicBatcher& m_batcher;
    std::vector<std::unique_ptr<TorchModel>> m_models;
    const int m_torchThreads;
    QThreadPool m_pool;
};

} // namespace pixelnest::engine
