// The model repository as an operator meets it: a user's own TorchScript model dropped in runs
// without a rebuild, a missing or corrupt model is a clear readiness error (never a crash) and
// its jobs are retried, a model that fails on one image of a batch fails that job alone, and
// --device is parsed strictly, with `cuda` on a machine without CUDA a clear error.

#include "inferencetesting.h"

#include "infer/devicespec.h"
#include "infer/modelstage.h"
#include "infer/torchruntime.h"

#include <QBuffer>
#include <QTemporaryDir>

#include <optional>

using namespace pixelnest;
using namespace pixelnest::testing;

namespace
{

// A tiny classifier: the softmax of the mean of each channel, so a red image says "red". It
// refuses an all-white image, which lets the test see a batch fail and be retried image by image.
const char* const kUserModel = R"(
import sys, torch
class Colour(torch.nn.Module):
    def forward(self, x):
        if bool((x.amin(dim=(1, 2, 3)) > 0.99).any()):
            raise ValueError("an all-white image")
        return torch.softmax(x.mean(dim=(2, 3)) * 10.0, dim=1)
torch.jit.script(Colour()).save(sys.argv[1])
)";

const char* const kUserManifest = R"({
  "name": "colour", "task": "classify", "version": "test-1",
  "input": {"width": 16, "height": 16, "channel_order": "RGB", "layout": "NCHW",
            "pad_to_square": false, "resize": "bilinear_align_corners",
            "scale": 0.00392156862745098, "mean": [0, 0, 0], "std": [1, 1, 1]},
  "labels": ["red", "green", "blue"], "max_batch_size": 4, "result_key": "colour",
  "licence": "MIT"
})";

TestImage solid(const QString& title, QColor colour)
{
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return {title, QStringLiteral("png"), bytes};
}

bool write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

Result<PipelineRegistry> standard(const QString& repository, const QString& device = "cpu",
                                  int maxBatchSize = 0, int maxBatchDelayUs = 5000)
{
    EngineConfig config;
    InferenceConfig& options = config.inference;
    options.modelsDir = repository;
    options.device = device;
    options.maxBatchSize = maxBatchSize; // 0: the manifest's
    options.maxBatchDelay = std::chrono::microseconds(maxBatchDelayUs);
    options.torchThreads = 1;
    return PipelineRegistry::standard(config);
}

const Stage& stageNamed(const PipelineRegistry& registry, const QString& pipeline,
                        const QString& name)
{
    for (const StagePtr& stage : registry.find(pipeline)->stages) {
        if (stage->name() == name) {
            return *stage;
        }
    }
    qFatal("no stage %s in %s", qPrintable(name), qPrintable(pipeline));
}

} // namespace

class InferenceModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userModelRunsWithoutRebuild();
    void missingModelIsReadinessError();
    void corruptModelIsReadinessError();
    void deviceParsing_data();
    void deviceParsing();
    void cudaWithoutCudaIsClearError();
};

void InferenceModelsTest::userModelRunsWithoutRebuild()
{
    QTemporaryDir repository;
    const QString dir = repository.filePath(QStringLiteral("colour"));
    QVERIFY(write(dir + QStringLiteral("/model.json"), kUserManifest));
    const QString failure = runPython(QString::fromUtf8(kUserModel), {dir + "/model.pt"});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    // A long delay so that the four jobs surely share one batch, which the white image breaks.
    Result<PipelineRegistry> registry =
        standard(repository.path(), QStringLiteral("cpu"), 4, 400'000);
    QVERIFY2(registry.ok(), qPrintable(registry.error().message));
    QVERIFY(registry->find(QStringLiteral("colour")) != nullptr);
    const QList<TestImage> images{solid("red", Qt::red), solid("green", Qt::green),
                                  solid("white", Qt::white), solid("blue", Qt::blue)};
    const auto outcomes = runJobs(registry.value(), QStringLiteral("colour"), images, 4);
    for (int i = 0; i < images.size(); ++i) {
        const engine::JobOutcome& outcome = outcomes[size_t(i)];
        if (images[i].title == QLatin1String("white")) {
            QCOMPARE(outcome.outcome, engine::Outcome::Failed); // its own fault: not retried
            QCOMPARE(outcome.error, QStringLiteral("Image 3 'white': model colour fails on this "
                                                   "image alone: builtins.ValueError: an "
                                                   "all-white image"));
            continue;
        }
        QVERIFY2(outcome.outcome == engine::Outcome::Completed, qPrintable(outcome.error));
        const QJsonObject colour = outcome.result.value(QStringLiteral("colour")).toObject();
        QCOMPARE(colour.value(QStringLiteral("label")).toString(), images[i].title);
        QCOMPARE(colour.value(QStringLiteral("scores")).toObject().size(), 3);
        QCOMPARE(outcome.result.value(QStringLiteral("model_versions"))
                     .toObject()
                     .value(QStringLiteral("colour"))
                     .toString(),
                 QStringLiteral("test-1"));
    }
    const auto& model = dynamic_cast<const engine::ModelStage&>(
        stageNamed(registry.value(), QStringLiteral("colour"), QStringLiteral("colour")));
    QCOMPARE(model.service().imagesRun(), 4);
    QCOMPARE(model.service().batchesRun(), 1); // one batch of four, then one by one
}

void InferenceModelsTest::missingModelIsReadinessError()
{
    QTemporaryDir repository;
    Result<PipelineRegistry> registry = standard(repository.path());
    QVERIFY2(registry.ok(), qPrintable(registry.error().message));
    const Result<void> ready =
        stageNamed(registry.value(), "default", QStringLiteral("face_detector")).ready();
    QVERIFY(!ready.ok());
    QCOMPARE(ready.error().code, ErrorCode::Unavailable);
    const QString expected = QStringLiteral("model face_detector: %1/face_detector/model.pt "
                                            "missing: run scripts/setup")
                                 .arg(repository.path());
    QVERIFY2(ready.error().message.startsWith(expected), qPrintable(ready.error().message));
    // The built-in pipelines still work; a job on `default` waits for the model (transient).
    const QList<TestImage> images{solid("red", Qt::red)};
    QCOMPARE(runJobs(registry.value(), "metadata", images, 1).front().outcome,
             engine::Outcome::Completed);
    const engine::JobOutcome job = runJobs(registry.value(), "default", images, 1).front();
    QCOMPARE(job.outcome, engine::Outcome::Retry);
    QVERIFY2(job.error.contains(expected), qPrintable(job.error));
}

void InferenceModelsTest::corruptModelIsReadinessError()
{
    QTemporaryDir repository;
    const QString face = repository.filePath(QStringLiteral("face_detector"));
    const QByteArray real = readAll(modelsDir() + QStringLiteral("/face_detector/model.pt"));
    QVERIFY2(!real.isEmpty(), "run packaging/models/build_models.sh <build>/models");
    QVERIFY(write(face + "/model.json", readAll(modelsDir() + "/face_detector/model.json")));
    QVERIFY(write(face + "/model.pt", real.left(real.size() / 2))); // cut short, as by a full disk
    const QString moderation = repository.filePath(QStringLiteral("moderation"));
    QVERIFY(write(moderation + "/model.json", "{\"name\": \"moderation\", "));
    QVERIFY(write(moderation + "/model.pt", readAll(modelsDir() + "/moderation/model.pt")));
    Result<PipelineRegistry> registry = standard(repository.path());
    QVERIFY2(registry.ok(), qPrintable(registry.error().message));
    // A cut-short model.pt is only found out by loading it, which its first job does: until
    // then the stage is ready and says it loads on first use.
    const Stage& faceStage = stageNamed(registry.value(), "default", "face_detector");
    QVERIFY(faceStage.ready().ok());
    QVERIFY(faceStage.loadsOnFirstJob());
    // A broken manifest is found at once (it is read at start, without torch).
    const Result<void> moderationReady =
        stageNamed(registry.value(), "default", "moderation").ready();
    QVERIFY(!moderationReady.ok());
    QVERIFY2(
        moderationReady.error().message.contains(moderation + "/model.json: not a JSON object"),
        qPrintable(moderationReady.error().message));
    const engine::JobOutcome job =
        runJobs(registry.value(), "face_detector", {solid("red", Qt::red)}, 1).front();
    QCOMPARE(job.outcome, engine::Outcome::Retry);
    QVERIFY2(job.error.contains(QLatin1String("could not be loaded")), qPrintable(job.error));
    const Result<void> faceReady = faceStage.ready();
    QVERIFY(!faceReady.ok());
    QVERIFY2(faceReady.error().message.startsWith(
                 QStringLiteral("model face_detector: %1/model.pt could not be loaded").arg(face)),
             qPrintable(faceReady.error().message));
}

void InferenceModelsTest::deviceParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("auto") << "auto" << true << "auto";
    QTest::newRow("empty is auto") << "" << true << "auto";
    QTest::newRow("cpu") << "cpu" << true << "cpu";
    QTest::newRow("CPU") << "CPU" << true << "cpu";
    QTest::newRow("cuda") << "cuda" << true << "cuda:0";
    QTest::newRow("cuda:1") << "cuda:1" << true << "cuda:1";
    QTest::newRow("cuda:12") << "cuda:12" << true << "cuda:12";
    QTest::newRow("cuda:") << "cuda:" << false << "";
    QTest::newRow("cuda:x") << "cuda:x" << false << "";
    QTest::newRow("cuda:-1") << "cuda:-1" << false << "";
    QTest::newRow("cuda:+1") << "cuda:+1" << false << "";
    QTest::newRow("cuda:1:2") << "cuda:1:2" << false << "";
    QTest::newRow("gpu") << "gpu" << false << "";
}

void InferenceModelsTest::deviceParsing()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    const Result<engine::DeviceSpec> device = engine::DeviceSpec::parse(text);
    QCOMPARE(device.ok(), valid);
    if (valid) {
        QCOMPARE(device->toString(), canonical);
        return;
    }
    QCOMPARE(device.error().code, ErrorCode::InvalidInput);
    QVERIFY2(device.error().message.contains(QLatin1String("auto, cpu, cuda, cuda:N")),
             qPrintable(device.error().message));
    const Result<PipelineRegistry> registry = standard(QString(), text);
    QVERIFY(!registry.ok());
    QCOMPARE(registry.error().code, ErrorCode::InvalidInput);
}

void InferenceModelsTest::cudaWithoutCudaIsClearError()
{
    const Result<engine::DeviceSpec> automatic =
        engine::TorchRuntime::resolve(engine::DeviceSpec{});
    QVERIFY(automatic.ok());
    QTemporaryDir repository;
    if (automatic->kind == engine::DeviceSpec::Kind::Cpu) {
        // This build or machine has no CUDA: asking for it must say so, not crash.
        for (const QString& device : {QStringLiteral("cuda"), QStringLiteral("cuda:1")}) {
            const Result<PipelineRegistry> registry = standard(repository.path(), device);
            QVERIFY(!registry.ok());
            QCOMPARE(registry.error().code, ErrorCode::Unavailable);
            QVERIFY2(registry.error().message.contains(QLatin1String("CUDA is not available")) &&
                         registry.error().message.contains(QLatin1String("--device cpu")),
                     qPrintable(registry.error().message));
        }
        QVERIFY(standard(repository.path(), QStringLiteral("auto")).ok());
        return;
    }
    // With CUDA: a device number past the last one is the clear error instead.
    const Result<PipelineRegistry> registry = standard(repository.path(), "cuda:63");
    QVERIFY(!registry.ok());
    QVERIFY2(registry.error().message.contains(QLatin1String("CUDA device(s) are visible")),
             qPrintable(registry.error().message));
}

QTEST_GUILESS_MAIN(InferenceModelsTest)
#include "tst_inferencemodels.moc"
