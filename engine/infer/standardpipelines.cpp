// PipelineRegistry::standard(): the built-in pipelines, `default` = decode, thumbnail,
// face_detector, moderation, anonymise, and one pipeline per model directory of the repository
// (`<name>` = decode + that model), so that a user's model dropped into the repository runs
// without a rebuild. Every stage of one model shares one ModelService (one batcher, one set of
// device workers). Here in infer/ because it plugs the models into pipeline/'s registry.
#include "pixelnest/pipelines.h"

#include "infer/anonymisestage.h"
#include "infer/modelstage.h"
#include "infer/torchruntime.h"
#include "pipeline/builtinstages.h"
#include "pixelnest/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace pixelnest::engine
{

namespace
{

const QString kFaceDetector = QStringLiteral("face_detector");
const QString kModeration = QStringLiteral("moderation");

// Directories of the repository that hold a model (or half of one: it then reports why it is
// not ready instead of silently not existing). Sorted, so pipelines come out in a stable order.
QStringList modelDirectories(const QString& repository)
{
    QStringList names;
    const QDir dir(repository);
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir model(dir.filePath(name));
        if (model.exists(QStringLiteral("model.json")) ||
            model.exists(QStringLiteral("model.pt"))) {
            names.append(name);
        }
    }
    return names;
}

ModelSettings settingsFrom(const InferenceConfig& options, const DeviceSpec& device)
{
    ModelSettings settings;
    settings.device = device;
    settings.maxBatchDelay = std::max(std::chrono::microseconds(0), options.maxBatchDelay);
    settings.maxBatchSize = std::max(0, options.maxBatchSize);
    settings.workers = std::max(1, options.deviceWorkers);
    // Every worker may use every core. The two models of `default` rarely compute at the same
    // instant, and a forward pass that can spread wins more than the oversubscription costs:
    // bench_inference's sweep on 2 cores, channels-last, batch 2: both models at once 13.1
    // img/s with 2 threads each against 7.8 with 1 each; the `default` pipeline 8.9 against 8.0.
    const int share = QThread::idealThreadCount() / settings.workers;
    settings.torchThreads = options.torchThreads > 0 ? options.torchThreads : std::max(1, share);
    return settings;
}

} // namespace

} // namespace pixelnest::engine

namespace pixelnest
{

using namespace engine;

Result<PipelineRegistry> PipelineRegistry::standard(const EngineConfig& config)
{
    const InferenceConfig& options = config.inference;
    const ImageLimits& limits = config.limits;
    Result<DeviceSpec> requested = DeviceSpec::parse(options.device);
    if (!requested) {
        return requested.error();
    }
    // Models load on first use, and so does libtorch. An explicit `cuda` is checked now (a GPU
    // box without its GPU should fail at start, not at its first job); `auto` is resolved by
    // the first model load; `cpu` needs no torch to be known.
    // A broken install (no torch module) fails the start, as it always did, not the first job.
    if (Result<void> installed = TorchRuntime::checkInstalled(); !installed) {
        return installed.error();
    }
    DeviceSpec device = requested.value();
    if (device.kind == DeviceSpec::Kind::Cuda) {
        Result<DeviceSpec> resolved = TorchRuntime::resolve(device);
        if (!resolved) {
            return resolved.error();
        }
        device = resolved.value();
    }
    qCInfo(lcInfer).noquote() << QStringLiteral(
                                     "models from %1 on %2, each loaded by its first job")
                                     .arg(QDir(options.modelsDir).absolutePath(),
                                          device.toString());
    PipelineRegistry registry = PipelineRegistry::builtIn(limits);
    registry.setDevice(device.toString());
    ModelSettings settings = settingsFrom(options, device);
    settings.keepHeapMemory = options.keepHeapMemory;
    settings.deviceResolved = registry.deviceReporter();
    QMap<QString, StagePtr> models;
    const auto stage = [&](const QString& name) {
        StagePtr& slot = models[name];
        if (!slot) {
            const QString directory = QDir(options.modelsDir).absoluteFilePath(name);
            slot =
                std::make_shared<ModelStage>(std::make_shared<ModelService>(directory, settings));
        }
        return slot;
    };
    const StagePtr decode = std::make_shared<DecodeStage>(limits);
    registry.add({QStringLiteral("default"),
                  {decode, std::make_shared<MetadataStage>(), std::make_shared<ThumbnailStage>(),
                   stage(kFaceDetector), stage(kModeration), std::make_shared<AnonymiseStage>()}});
    for (const QString& name : modelDirectories(options.modelsDir)) {
        if (registry.find(name) != nullptr) {
            qCWarning(lcInfer).noquote()
                << QStringLiteral("model %1 ignored: the name is a built-in pipeline; rename its "
                                  "directory")
                       .arg(name);
            continue;
        }
        registry.add({name, {decode, stage(name)}});
    }
    return registry;
}

} // namespace pixelnest
