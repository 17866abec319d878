#pragma once

#include "infer/devicespec.h"
#include "infer/modelmanifest.h"
#include "infer/modeloutput.h"

#include <QImage>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

namespace pixelnest::engine
{

class TorchModel;

struct ModelSettings
{
    DeviceSpec device; // resolved: cpu or cuda:N
    std::chrono::microseconds maxBatchDelay{5000};
    int maxBatchSize = 0; // 0: the manifest's; else the smaller of the two
    int workers = 1;      // device workers, each with its own model copy
    int torchThreads = 1; // intra-op threads per worker
};

// One model of the repository, `<repo>/<name>/{model.json,model.pt}`, served to many pipeline
// threads: loads the manifest and one model copy per device worker, preprocesses each image on
// the caller's thread and waits for its slice of a dynamic batch.
//
// A missing or broken model never throws or aborts: ready() and infer() report why
// (ErrorCode::Unavailable, so jobs are retried with backoff), and the load is retried at most
// every kRetryInterval, so `scripts/setup` fixes a running engine without a restart.
class ModelService final
{
public:
    static constexpr std::chrono::seconds kRetryInterval{10};

    ModelService(QString directory, ModelSettings settings); // tries the first load now
    ~ModelService();
    ModelService(const ModelService&) = delete;
    ModelService& operator=(const ModelService&) = delete;

    QString name() const { return m_name; } // the directory name
    QString device() const { return m_settings.device.toString(); }
    // Whether the model is loaded, and if not the last load's error; never loads.
    Result<void> ready() const;
    // The manifest of the loaded model; only valid after ready() succeeded.
    const ModelManifest& manifest() const;
    // Blocks the calling pool thread until the image's batch has run. InvalidInput for an image
    // that cannot be preprocessed or that the model fails on alone.
    Result<ModelOutput> infer(const QImage& image) const;
    // Forward passes run and images in them since the load (0 while not loaded).
    qint64 batchesRun() const;
    qint64 imagesRun() const;

private:
    struct Loaded;
    Result<std::unique_ptr<Loaded>> load() const;
    Result<std::vector<std::unique_ptr<TorchModel>>> loadCopies(const QString& modelPath) const;
    Result<void> ensureLoaded() const;

    const QString m_directory;
    const QString m_name;
    const ModelSettings m_settings;
    mutable std::mutex m_mutex; // guards the load state below
    mutable std::unique_ptr<Loaded> m_loaded;
    mutable std::atomic<const Loaded*> m_ready{nullptr}; // set once, read without the lock
    mutable Error m_lastError;
    mutable std::chrono::steady_clock::time_point m_lastAttempt;
};

} // namespace pixelnest::engine
