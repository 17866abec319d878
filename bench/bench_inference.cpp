// Inference benchmark (not a test): end-to-end images/s of the `default` pipeline (decode,
// thumbnail, both models through their dynamic batchers, anonymise) and of decode + models only,
// run by a pool of pipeline threads as the engine does, against the bare model loop on
// pre-decoded, pre-processed tensors.
//
// First a sweep of the bare loop (both models at once, as in the engine) over intra-op threads,
// device workers per model, batch size and memory format; its best figure is what this machine
// can do with these models. Then the pipelines per batch size, with the engine's own settings
// (what an engine started without options picks), each beside the bare loop with those same
// settings and beside the sweep's best. bench/run_inference_bench.sh runs it per BLAS.
//
//   bench_inference [--models DIR] [--device cpu|cuda|cuda:N] [--images N] [--pool-threads P]
//                   [--torch-threads T] [--delay-us US] [--batch-sizes 1,2,4,8] [--sweep 0|1]

#include "infer/modelmanifest.h"
#include "infer/modelservice.h"
#include "infer/modelstage.h"
#include "infer/preprocessor.h"
#include "infer/torchmodel.h"
#include "infer/torchruntime.h"
#include "pipeline/pipelinerunner.h"
#include "pixelnest/enginemetrics.h"
#include "pixelnest/pipelines.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QThreadPool>

#include <dlfcn.h>

#include <cstdio>
#include <map>
#include <thread>

using namespace pixelnest;
using namespace pixelnest::engine;

namespace
{

struct Settings
{
    QString models;
    DeviceSpec device{DeviceSpec::Kind::Cpu, 0};
    int images = 48;
    int poolThreads = 16;
    int torchThreads = 0; // 0: the engine's default (every core to each model's worker)
    bool keepHeap = true;
    int delayUs = 5000;
    int repeats = 2; // best of: other load on a shared machine only ever slows a run down
    bool sweep = true;
    QList<int> batchSizes{1, 2, 4, 8};
};

// One point of the bare loop's sweep.
struct BareSetting
{
    int threads = 1; // intra-op threads per device worker
    int workers = 1; // device workers per model, each with its own copy
    int batch = 1;
    MemoryFormat format = MemoryFormat::Contiguous;

    QString describe() const
    {
        return QStringLiteral("%1 thread(s) × %2 worker(s) per model, batch %3, %4")
            .arg(threads)
            .arg(workers)
            .arg(batch)
            .arg(QLatin1String(memoryFormatName(format)));
    }
};

// Which library the process resolves sgemm_ to: what LD_LIBRARY_PATH actually selected.
QString blasInUse()
{
    Dl_info info{};
    void* symbol = dlsym(RTLD_DEFAULT, "sgemm_");
    if (symbol == nullptr || dladdr(symbol, &info) == 0 || info.dli_fname == nullptr) {
        return QStringLiteral("unknown");
    }
    return QFileInfo(QString::fromLocal8Bit(info.dli_fname)).canonicalFilePath();
}

struct Model
{
    QString path;
    ModelManifest manifest;
    // Loaded on demand, one list per memory format: copy w serves device worker w.
    std::map<MemoryFormat, std::vector<std::unique_ptr<TorchModel>>> copies;
    std::vector<std::vector<float>> inputs; // one per benchmark image, pre-processed

    TorchModel& copy(MemoryFormat format, int worker, const DeviceSpec& device)
    {
        std::vector<std::unique_ptr<TorchModel>>& list = copies[format];
        while (int(list.size()) <= worker) {
            list.push_back(TorchModel::load(path, device, format).value());
        }
        return *list[size_t(worker)];
    }
};

Model loadModel(const Settings& settings, const QString& name, const QList<QImage>& images)
{
    const QString dir = settings.models + QLatin1Char('/') + name;
    Model model{dir + QStringLiteral("/model.pt"),
                ModelManifest::load(dir + QStringLiteral("/model.json")).value(),
                {},
                {}};
    const Preprocessor preprocessor(model.manifest.input);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < settings.images; ++i) {
        model.inputs.push_back(preprocessor.run(images[i % images.size()]).value());
    }
    std::printf("preprocess %s: %.1f ms per image\n", qPrintable(name),
                double(timer.nsecsElapsed()) / 1e6 / settings.images);
    return model;
}

// Device worker `worker` of a model: batches worker, worker + workers, ... of the inputs, on
// its own copy and its own thread with the intra-op threads of the setting.
void bareLoop(Model& model, const BareSetting& setting, int worker, int count, TorchModel& copy)
{
    TorchRuntime::configureThread(setting.threads);
    const int batch = std::min(setting.batch, model.manifest.maxBatchSize); // as the engine caps
    for (int start = worker * batch; start < count; start += batch * setting.workers) {
        std::vector<const float*> pointers;
        for (int i = start; i < std::min(count, start + batch); ++i) {
            pointers.push_back(model.inputs[size_t(i) % model.inputs.size()].data());
        }
        if (!copy.forward(pointers, model.manifest.input)) {
            qFatal("bare forward failed");
        }
    }
}

// Both models at once, each on its own device workers: the engine's shape.
double bareImagesPerSecond(Model& face, Model& moderation, const Settings& settings,
                           const BareSetting& setting)
{
    const auto run = [&](int count) {
        std::vector<std::thread> threads;
        for (Model* model : {&face, &moderation}) {
            for (int w = 0; w < setting.workers; ++w) {
                TorchModel& copy = model->copy(setting.format, w, settings.device);
                threads.emplace_back([&, model, w] { bareLoop(*model, setting, w, count, copy); });
            }
        }
        for (std::thread& thread : threads) {
            thread.join();
        }
    };
    // Warm-up: the profiling JIT optimises each new input shape after its first runs.
    run(std::min(settings.images, 3 * setting.batch * setting.workers));
    QElapsedTimer timer;
    timer.start();
    run(settings.images);
    return settings.images / (double(timer.nsecsElapsed()) / 1e9);
}

// The engine's own settings at `batch`: what ModelService and standardpipelines pick.
BareSetting engineSetting(const Settings& settings, int batch)
{
    return BareSetting{settings.torchThreads, 1, batch, memoryFormatFor(settings.device)};
}

// Every combination, best of the repeats each; prints the table, returns the best.
std::pair<BareSetting, double> sweepBare(Model& face, Model& moderation, const Settings& settings)
{
    const int cores = QThread::idealThreadCount();
    QList<int> threadCounts{1, std::max(1, cores / 2), cores};
    std::sort(threadCounts.begin(), threadCounts.end());
    threadCounts.erase(std::unique(threadCounts.begin(), threadCounts.end()), threadCounts.end());
    std::printf("## Bare models, both at once: the sweep\n\n| threads | workers | batch | format | "
                "img/s |\n|---|---|---|---|---|\n");
    std::pair<BareSetting, double> best{{}, 0};
    for (const MemoryFormat format : {MemoryFormat::Contiguous, MemoryFormat::ChannelsLast}) {
        for (const int threads : threadCounts) {
            for (const int workers : {1, 2}) {
                for (const int batch : settings.batchSizes) {
                    const BareSetting setting{threads, workers, batch, format};
                    double rate = 0;
                    for (int round = 0; round < settings.repeats; ++round) {
                        rate = std::max(rate,
                                        bareImagesPerSecond(face, moderation, settings, setting));
                    }
                    std::printf("| %d | %d | %d | %s | %.2f |\n", threads, workers, batch,
                                memoryFormatName(format), rate);
                    std::fflush(stdout);
                    if (rate > best.second) {
                        best = {setting, rate};
                    }
                }
            }
        }
    }
    std::printf("\nBest bare: %.2f img/s with %s.\n\n", best.second,
                qPrintable(best.first.describe()));
    return best;
}

using StageMs = QMap<QString, double>; // stage -> mean ms per image of the timed run

double pipelineImagesPerSecond(const PipelineRegistry& registry, const QString& pipeline,
                               const QList<QByteArray>& photos, const Settings& settings, int warm,
                               StageMs* stageMs = nullptr)
{
    EngineMetrics metrics;
    const PipelineRunner runner(registry, RetryPolicy{}, metrics);
    QThreadPool pool;
    pool.setMaxThreadCount(settings.poolThreads);
    std::atomic<int> failed{0};
    QMutex mutex;
    StageMs sums;
    const auto run = [&](int count) {
        for (int i = 0; i < count; ++i) {
            pool.start([&, i] {
                ClaimedJob job;
                job.id = i + 1;
                job.attempt = job.attemptInRound = 1;
                job.pipeline = pipeline;
                job.format = QStringLiteral("jpeg");
                job.title = QStringLiteral("bench");
                job.bytes = photos[i % photos.size()];
                const JobOutcome outcome = runner.run(job);
                failed += outcome.outcome != Outcome::Completed;
                const QJsonObject timings = outcome.result.value("timings_ms").toObject();
                const QMutexLocker lock(&mutex);
                for (auto it = timings.begin(); it != timings.end(); ++it) {
                    sums[it.key()] += it.value().toDouble() / settings.images;
                }
            });
        }
        pool.waitForDone();
    };
    run(warm);
    sums.clear();
    QElapsedTimer timer;
    timer.start();
    run(settings.images);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (failed > 0) {
        qFatal("%d jobs failed", failed.load());
    }
    if (stageMs != nullptr) {
        *stageMs = sums;
    }
    return settings.images / seconds;
}

Settings parse(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QString defaultModels =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../models"));
    parser.addOptions(
        {{"models", "Model repository.", "DIR", defaultModels},
         {"device", "Torch device: cpu, cuda or cuda:N.", "DEVICE", "cpu"},
         {"images", "Images per measurement.", "N", "48"},
         {"pool-threads", "Pipeline threads (engine --workers).", "P", "16"},
         {"torch-threads", "Intra-op threads per device worker (0: engine default).", "T", "0"},
         {"keep-heap", "InferenceConfig::keepHeapMemory (1 or 0).", "B", "1"},
         {"delay-us", "Max batch delay.", "US", "5000"},
         {"repeats", "Measurements per figure; the best is kept.", "R", "2"},
         {"batch-sizes", "Batch sizes to sweep.", "LIST", "1,2,4,8"},
         {"sweep", "Sweep the bare loop first (1 or 0).", "B", "1"}});
    parser.process(app);
    Settings settings;
    settings.models = parser.value("models");
    Result<DeviceSpec> device = DeviceSpec::parse(parser.value("device"));
    if (device && device.value().kind == DeviceSpec::Kind::Cuda) {
        device = TorchRuntime::resolve(device.value()); // fails here if torch sees no GPU
    }
    if (!device || device.value().kind == DeviceSpec::Kind::Auto) {
        qFatal("--device: %s", device ? "cpu, cuda or cuda:N" : qPrintable(device.error().message));
    }
    settings.device = device.value();
    settings.images = parser.value("images").toInt();
    settings.poolThreads = parser.value("pool-threads").toInt();
    settings.torchThreads = parser.value("torch-threads").toInt();
    if (settings.torchThreads <= 0) {
        settings.torchThreads = QThread::idealThreadCount(); // as the engine (one worker)
    }
    settings.keepHeap = parser.value("keep-heap").toInt() != 0;
    settings.delayUs = parser.value("delay-us").toInt();
    settings.repeats = std::max(1, parser.value("repeats").toInt());
    settings.sweep = parser.value("sweep").toInt() != 0;
    settings.batchSizes.clear();
    for (const QString& size : parser.value("batch-sizes").split(QLatin1Char(','))) {
        settings.batchSizes.append(size.toInt());
    }
    return settings;
}

QString meanBatches(const PipelineRegistry& registry)
{
    QStringList means;
    for (const StagePtr& stage : registry.find(QStringLiteral("default"))->stages) {
        if (const auto* model = dynamic_cast<const ModelStage*>(stage.get())) {
            const qint64 batches = std::max<qint64>(1, model->service().batchesRun());
            means.append(QString::number(double(model->service().imagesRun()) / batches, 'f', 1));
        }
    }
    return means.join(QStringLiteral(" / "));
}

struct Samples
{
    QList<QByteArray> photos; // the six demo JPEGs
    QList<QImage> decoded;    // the same, decoded once for the bare loop's preprocessing
};

Samples loadSamples(const Settings& settings)
{
    Samples samples;
    for (int i = 1; i <= 6; ++i) {
        QFile file(settings.models + QStringLiteral("/samples/sample%1.jpg").arg(i));
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("%s missing: run packaging/models/build_models.sh", qPrintable(file.fileName()));
        }
        samples.photos.append(file.readAll());
        QImageReader reader(file.fileName());
        reader.setAutoTransform(true);
        samples.decoded.append(reader.read());
    }
    return samples;
}

PipelineRegistry registryFor(const Settings& settings, int batch)
{
    EngineConfig config;
    InferenceConfig& options = config.inference;
    options.modelsDir = settings.models;
    options.device = settings.device.toString();
    options.maxBatchSize = batch;
    options.maxBatchDelay = std::chrono::microseconds(settings.delayUs);
    options.torchThreads = settings.torchThreads;
    options.keepHeapMemory = settings.keepHeap;
    PipelineRegistry registry = PipelineRegistry::standard(config).value();
    const auto& stages = registry.find(QStringLiteral("default"))->stages;
    // decode, face_detector, moderation: the default pipeline without thumbnail/anonymise.
    registry.add({QStringLiteral("decode+models"), {stages[0], stages[2], stages[3]}});
    return registry;
}

// Prints the throughput row of one batch size; returns its stage-timing row and, through
// `fullRate`, the `default` pipeline's images/s.
QString measureBatch(const Settings& settings, Model& face, Model& moderation,
                     const Samples& samples, int batch, double bestBare, double* fullRate)
{
    const PipelineRegistry registry = registryFor(settings, batch);
    const int warm = std::min(settings.images, 2 * std::max(batch, 4));
    double bare = 0;
    double models = 0;
    double full = 0;
    StageMs ms;
    for (int round = 0; round < settings.repeats; ++round) { // interleaved, best of
        bare = std::max(
            bare, bareImagesPerSecond(face, moderation, settings, engineSetting(settings, batch)));
        models = std::max(models, pipelineImagesPerSecond(registry, "decode+models", samples.photos,
                                                          settings, warm));
        StageMs roundMs;
        const double f =
            pipelineImagesPerSecond(registry, "default", samples.photos, settings, warm, &roundMs);
        if (f > full) {
            full = f;
            ms = roundMs;
        }
    }
    std::printf("| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.2f |\n", batch, bare, models,
                models / bare, full, full / bare, qPrintable(meanBatches(registry)),
                bestBare > 0 ? full / bestBare : 0.0);
    *fullRate = full;
    std::fflush(stdout);
    QString row = QStringLiteral("| %1 |").arg(batch);
    for (const char* stage :
         {"decode", "thumbnail", "face_detector", "moderation", "anonymise", "total"}) {
        row += QStringLiteral(" %1 |").arg(ms.value(QLatin1String(stage)), 0, 'f', 1);
    }
    return row;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("pixelnest.infer.info=false"));
    const Settings settings = parse(app);
    if (settings.keepHeap) {
        TorchRuntime::keepHeapMemory(); // process-wide: the bare loop runs under it too
    }
    const Samples samples = loadSamples(settings);
    Model face = loadModel(settings, QStringLiteral("face_detector"), samples.decoded);
    Model moderation = loadModel(settings, QStringLiteral("moderation"), samples.decoded);
    std::printf("device: %s | BLAS: %s | torch threads per worker: %d | pipeline threads: %d | "
                "images: %d | "
                "max batch delay: %d us | keep heap: %d | best of %d | cores: %d\n\n",
                qPrintable(settings.device.toString()), qPrintable(blasInUse()),
                settings.torchThreads, settings.poolThreads, settings.images, settings.delayUs,
                int(settings.keepHeap), settings.repeats, QThread::idealThreadCount());
    const auto [bestSetting, bestBare] =
        settings.sweep ? sweepBare(face, moderation, settings) : std::pair<BareSetting, double>{};
    std::printf(
        "## Pipelines with the engine's own settings (%s)\n\n",
        qPrintable(engineSetting(settings, 0).describe().remove(QStringLiteral(", batch 0"))));
    std::printf("| batch | bare models img/s | decode+models img/s | ratio | default img/s | "
                "ratio | mean batch face / moderation | default / best bare |\n"
                "|---|---|---|---|---|---|---|---|\n");
    QStringList stageRows;
    double bestFull = 0;
    int bestFullBatch = 0;
    for (int batch : settings.batchSizes) {
        double full = 0;
        stageRows.append(measureBatch(settings, face, moderation, samples, batch, bestBare, &full));
        if (full > bestFull) {
            bestFull = full;
            bestFullBatch = batch;
        }
    }
    if (bestBare > 0) {
        std::printf("\n`default` end to end: %.2f img/s at batch %d = %.2f × the best bare figure "
                    "(%.2f img/s, %s).\n",
                    bestFull, bestFullBatch, bestFull / bestBare, bestBare,
                    qPrintable(bestSetting.describe()));
    }
    std::printf("\nMean ms per image and stage in the best `default` run (model stages include "
                "the wait for their batch):\n\n| batch | decode | thumbnail | face_detector | "
                "moderation | anonymise | total |\n|---|---|---|---|---|---|---|\n%s\n",
                qPrintable(stageRows.join(QLatin1Char('\n'))));
    return 0;
}
