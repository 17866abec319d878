#include "infer/modelservice.h"

#include "infer/deviceworkerpool.h"
#include "infer/dynamicbatcher.h"
#include "infer/preprocessor.h"
#include "infer/torchmodel.h"
#include "infer/torchruntime.h"
#include "pixelnest/logging.h"

#include <QDir>
#include <QFileInfo>

#include <limits>

namespace pixelnest::engine
{

struct ModelService::Loaded
{
    QString device; // resolved
    ModelManifest manifest;
    Preprocessor preprocessor;
    std::unique_ptr<DynamicBatcher> batcher;
    std::unique_ptr<DeviceWorkerPool> workers; // declared last: stopped before the batcher dies
};

ModelService::ModelService(QString directory, ModelSettings settings)
    : m_directory(std::move(directory)), m_name(QFileInfo(m_directory).fileName()),
      m_settings(settings)
{
    const Result<ModelManifest> manifest = readManifest();
    if (manifest) {
        m_version = manifest->version;
    } else {
        m_manifestError =
            makeError(Service::Model, ErrorCode::Unavailable,
                      QStringLiteral("model %1: %2").arg(m_name, manifest.error().message));
    }
}

Result<ModelManifest> ModelService::readManifest() const
{
    const QDir dir(m_directory);
    const QString modelPath = dir.filePath(QStringLiteral("model.pt"));
    const QString fix = QStringLiteral("run scripts/setup, or put a TorchScript model and its "
                                       "manifest there");
    if (!QFileInfo::exists(modelPath)) {
        return makeError(Service::Model, ErrorCode::Unavailable,
                         QStringLiteral("%1 missing: %2").arg(modelPath, fix));
    }
    Result<ModelManifest> manifest =
        ModelManifest::load(dir.filePath(QStringLiteral("model.json")));
    if (!manifest) {
        return makeError(Service::Model, ErrorCode::Unavailable,
                         QStringLiteral("%1: %2").arg(manifest.error().message, fix));
    }
    return manifest;
}

QString ModelService::device() const
{
    const Loaded* loaded = m_ready.load(std::memory_order_acquire);
    return loaded != nullptr ? loaded->device : m_settings.device.toString();
}

ModelService::~ModelService() = default;

int batchCapFor(const DeviceSpec& device)
{
    return device.kind == DeviceSpec::Kind::Cuda ? std::numeric_limits<int>::max() : kCpuBatchCap;
}

MemoryFormat memoryFormatFor(const DeviceSpec& device)
{
    return device.kind == DeviceSpec::Kind::Cuda ? MemoryFormat::Contiguous
                                                 : MemoryFormat::ChannelsLast;
}

// One copy per device worker, each loaded on the device it will run on.
Result<std::vector<std::unique_ptr<TorchModel>>> ModelService::loadCopies(const QString& modelPath,
                                                                          const DeviceSpec& device,
                                                                          MemoryFormat format) const
{
    std::vector<std::unique_ptr<TorchModel>> models;
    for (int i = 0; i < std::max(1, m_settings.workers); ++i) {
        Result<std::unique_ptr<TorchModel>> model = TorchModel::load(modelPath, device, format);
        if (!model) {
            return makeError(Service::Model, ErrorCode::Unavailable,
                             QStringLiteral("%1: re-run scripts/setup or replace the file")
                                 .arg(model.error().message));
        }
        models.push_back(std::move(model).value());
    }
    return models;
}

Result<std::unique_ptr<ModelService::Loaded>> ModelService::load() const
{
    // Read again: `scripts/setup` may have fixed or replaced it since the engine started.
    Result<ModelManifest> manifest = readManifest();
    if (!manifest) {
        return manifest.error();
    }
    const QString modelPath = QDir(m_directory).filePath(QStringLiteral("model.pt"));
    // The first load maps libtorch: `auto` becomes a device only now.
    const Result<DeviceSpec> device = TorchRuntime::resolve(m_settings.device);
    if (!device) {
        return device.error();
    }
    if (m_settings.keepHeapMemory) {
        TorchRuntime::keepHeapMemory();
    }
    const MemoryFormat format = memoryFormatFor(device.value());
    Result<std::vector<std::unique_ptr<TorchModel>>> models =
        loadCopies(modelPath, device.value(), format);
    if (!models) {
        return models.error();
    }
    const int manifestBatch = manifest->maxBatchSize;
    const int batch = m_settings.maxBatchSize > 0
                          ? std::min(m_settings.maxBatchSize, manifestBatch)
                          : std::min(manifestBatch, batchCapFor(device.value()));
    auto loaded = std::unique_ptr<Loaded>(new Loaded{
        device->toString(), manifest.value(), Preprocessor(manifest->input), nullptr, nullptr});
    loaded->batcher = std::make_unique<DynamicBatcher>(batch, m_settings.maxBatchDelay);
    loaded->workers =
        std::make_unique<DeviceWorkerPool>(m_name, manifest->input, *loaded->batcher,
                                           std::move(models).value(), m_settings.torchThreads);
    qCInfo(lcInfer).noquote() << QStringLiteral("model %1 (%2) loaded on %3: %4 worker(s) × %5 "
                                                "thread(s), batch ≤ %6, delay ≤ %7 µs, %8")
                                     .arg(m_name, manifest->version, loaded->device)
                                     .arg(m_settings.workers)
                                     .arg(m_settings.torchThreads)
                                     .arg(batch)
                                     .arg(m_settings.maxBatchDelay.count())
                                     .arg(QLatin1String(memoryFormatName(format)));
    return loaded;
}

Result<void> ModelService::ensureLoaded() const
{
    if (m_ready.load(std::memory_order_acquire) != nullptr) {
        return {};
    }
    std::lock_guard lock(m_mutex);
    if (m_loaded) {
        return {};
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_lastAttempt.time_since_epoch().count() != 0 && now - m_lastAttempt < kRetryInterval) {
        return m_lastError;
    }
    m_lastAttempt = now;
    m_loading = true;
    Result<std::unique_ptr<Loaded>> loaded = load();
    m_loading = false;
    if (!loaded) {
        m_lastError = makeError(Service::Model, ErrorCode::Unavailable,
                                QStringLiteral("model %1: %2").arg(m_name, loaded.error().message));
        qCWarning(lcInfer).noquote() << m_lastError.message;
        return m_lastError;
    }
    m_loaded = std::move(loaded).value();
    m_ready.store(m_loaded.get(), std::memory_order_release);
    if (m_settings.deviceResolved) {
        m_settings.deviceResolved(m_loaded->device);
    }
    return {};
}

Result<void> ModelService::ready() const
{
    // Only reads the state: a probe (/readyz, every few seconds) must never start a load of
    // seconds on the thread that answers it. Jobs retry the load (infer → ensureLoaded).
    if (m_ready.load(std::memory_order_acquire) != nullptr) {
        return {};
    }
    std::lock_guard lock(m_mutex);
    if (!m_lastError.message.isEmpty()) {
        return m_lastError;
    }
    if (!m_manifestError.message.isEmpty() && m_lastAttempt.time_since_epoch().count() == 0) {
        return m_manifestError; // known broken before any job tried it
    }
    return {}; // not tried yet: the first job loads it
}

const ModelManifest& ModelService::manifest() const
{
    return m_ready.load(std::memory_order_acquire)->manifest;
}

Result<ModelOutput> ModelService::infer(const QImage& image) const
{
    if (Result<void> ok = ensureLoaded(); !ok) {
        return ok.error();
    }
    const Loaded* loaded = m_ready.load(std::memory_order_acquire);
    Result<std::vector<float>> input = loaded->preprocessor.run(image);
    if (!input) {
        return makeError(Service::Model, ErrorCode::InvalidInput,
                         QStringLiteral("model %1: %2").arg(m_name, input.error().message));
    }
    return loaded->batcher->submit(std::move(input).value()).get();
}

qint64 ModelService::batchesRun() const
{
    const Loaded* loaded = m_ready.load(std::memory_order_acquire);
    return loaded != nullptr ? loaded->batcher->batches() : 0;
}

qint64 ModelService::imagesRun() const
{
    const Loaded* loaded = m_ready.load(std::memory_order_acquire);
    return loaded != nullptr ? loaded->batcher->images() : 0;
}

} // namespace pixelnest::engine
