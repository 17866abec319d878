#pragma once

#include "infer/devicespec.h"
#include "infer/modelmanifest.h"
#include "infer/modeloutput.h"
#include "infer/torchmodel.h"

#include <QImage>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace pixelnest::engine
{

struct ModelSettings
{
    DeviceSpec device; // cpu or cuda:N, or auto: resolved by the first load (loads libtorch)
    std::chrono::microseconds maxBatchDelay{5000};
    int maxBatchSize = 0;        // 0: the manifest's; else the smaller of the two
    int workers = 1;             // device workers, each with its own model copy
    int torchThreads = 1;        // intra-op threads per worker
    bool keepHeapMemory = false; // InferenceConfig::keepHeapMemory, applied by the first load
    // Told the concrete device when a load resolves `auto` (the heartbeat's "device").
    std::function<void(const QString&)> deviceResolved;
};

// The format a model runs in on `device` when nothing else is asked: channels-last on the CPU
// (oneDNN's own layout), contiguous on CUDA (fp32 convolutions gain nothing from it there).
MemoryFormat memoryFormatFor(const DeviceSpec& device);

// The largest batch a model runs when --max-batch-size is not given (the manifest's own may be
// smaller). On the CPU a batch gains nothing once every core is busy and loses to cache misses
// beyond: bench_inference's sweep on 2 cores, channels-last, 2 threads: 9.3 / 13.1 / 9.4 / 6.5
// img/s at batch 1 / 2 / 4 / 8. On CUDA the manifest's batch (the GPU wants large ones).
constexpr int kCpuBatchCap = 2;
int batchCapFor(const DeviceSpec& device);

// One model of the repository, `<repo>/<name>/{model.json,model.pt}`, served to many pipeline
// threads: one model copy per device worker, each image preprocessed on the caller's thread,
// which waits for its slice of a dynamic batch.
//
// Models only where needed: the constructor reads the manifest (JSON, no torch); the weights,
// and libtorch itself, load on the first infer(). An engine that only ever runs `noop` or
// `metadata` never maps libtorch.
//
// A missing or broken model never throws or aborts: ready() and infer() report why
// (ErrorCode::Unavailable, so jobs are retried with backoff), and the load is retried at most
// every kRetryInterval, so `scripts/setup` fixes a running engine without a restart.
class ModelService final
{
public:
    static constexpr std::chrono::seconds kRetryInterval{10};

    ModelService(QString directory, ModelSettings settings); // reads the manifest only
    ~ModelService();
    ModelService(const ModelService&) = delete;
    ModelService& operator=(const ModelService&) = delete;

    QString name() const { return m_name; } // the directory name
    // The device it runs on: the resolved one once loaded, else the requested one ("auto").
    QString device() const;
    // Fine when loaded or not tried yet (it loads on the first job); else why it cannot run
    // (its manifest, or the last load's error). Never loads.
    Result<void> ready() const;
    bool loaded() const { return m_ready.load(std::memory_order_acquire) != nullptr; }
    bool loading() const { return m_loading.load(std::memory_order_relaxed); }
    // The manifest's version, read at construction (empty if the manifest is broken): engines
    // sharing a namespace compare it before any model has loaded.
    QString version() const { return m_version; }
    // The manifest of the loaded model; only valid while loaded().
    const ModelManifest& manifest() const;
    // Blocks the calling pool thread until the image's batch has run. InvalidInput for an image
    // that cannot be preprocessed or that the model fails on alone.
    Result<ModelOutput> infer(const QImage& image) const;
    // Forward passes run and images in them since the load (0 while not loaded).
    qint64 batchesRun() const;
    qint64 imagesRun() const;

private:
    struct Loaded;
    // model.json parsed and model.pt present (no torch): what the constructor can know.
    Result<ModelManifest> readManifest() const;
    Result<std::unique_ptr<Loaded>> load() const;
    Result<std::vector<std::unique_ptr<TorchModel>>>
    loadCopies(const QString& modelPath, const DeviceSpec& device, MemoryFormat format) const;
    Result<void> ensureLoaded() const;

    const QString m_directory;
    const QString m_name;
    const ModelSettings m_settings;
    QString m_version;
    Error m_manifestError;      // empty message: the manifest read at construction was fine
    mutable std::mutex m_mutex; // guards the load state below
    mutable std::unique_ptr<Loaded> m_loaded;
    mutable std::atomic<const Loaded*> m_ready{nullptr}; // set once, read without the lock
    mutable Error m_lastError;
    mutable std::chrono::steady_clock::time_point m_lastAttempt;
    mutable std::atomic<bool> m_loading{false}; // a load() is running
};

} // namespace pixelnest::engine
