// The C++ preprocessing is the contract the converted models were checked against
// (packaging/models/README.md): it must equal check_reference.py's version bit for bit,
// for both shipped manifests, wide and tall images, up- and downscaling. Plus the manifest
// parser's messages for the mistakes a user's own model.json can make.

#include "inferencetesting.h"

#include "infer/modelmanifest.h"
#include "infer/preprocessor.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstring>

using namespace pixelnest;
using namespace pixelnest::engine;
using namespace pixelnest::testing;

namespace
{

const char* const kReferencePreprocess = R"(
import sys, json
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
import numpy as np  # file I/O only; check_reference computes in torch
import torch
import check_reference as cr
spec = json.load(open(sys.argv[2]))["input"]
h, w = int(sys.argv[4]), int(sys.argv[5])
rgb = torch.from_numpy(np.fromfile(sys.argv[3], dtype=np.uint8).reshape(h, w, 3))
cr.preprocess(rgb, spec).numpy().tofile(sys.argv[6])
)";

QImage noise(int width, int height, quint32 seed)
{
    QRandomGenerator random(seed);
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            line[x] = 0xff000000u | (random.generate() & 0xffffffu);
        }
    }
    return image;
}

QByteArray rgbBytes(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    QByteArray bytes;
    for (int y = 0; y < rgb.height(); ++y) {
        bytes.append(reinterpret_cast<const char*>(rgb.constScanLine(y)), rgb.width() * 3);
    }
    return bytes;
}

} // namespace

class PreprocessorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalsNumpyContract_data();
    void equalsNumpyContract();
    void sourceFormatsAgree();
    void nullImageIsInvalidInput();
    void manifestErrors_data();
    void manifestErrors();
};

void PreprocessorTest::equalsNumpyContract_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QSize>("size");
    for (const char* model : {"face_detector", "moderation"}) {
        for (const QSize& size : {QSize(700, 450), QSize(450, 700), QSize(37, 23), QSize(23, 37)}) {
            const QString row =
                QStringLiteral("%1 %2x%3").arg(model).arg(size.width()).arg(size.height());
            QTest::newRow(qPrintable(row)) << QString::fromLatin1(model) << size;
        }
    }
}

void PreprocessorTest::equalsNumpyContract()
{
    QFETCH(QString, model);
    QFETCH(QSize, size);
    const QString manifestPath = modelsDir() + "/" + model + "/model.json";
    const Result<ModelManifest> manifest = ModelManifest::load(manifestPath);
    QVERIFY2(manifest.ok(), qPrintable(manifest.error().message));
    const QImage image =
        noise(size.width(), size.height(), quint32(size.width() * 31 + size.height()));
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("in.rgb"));
    const QString out = dir.filePath(QStringLiteral("out.f32"));
    QFile file(in);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(rgbBytes(image));
    file.close();
    const QString failure =
        runPython(QString::fromUtf8(kReferencePreprocess),
                  {qEnvironmentVariable("PIXELNEST_SOURCE_DIR") + "/packaging/models", manifestPath,
                   in, QString::number(size.height()), QString::number(size.width()), out});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QByteArray expected = readAll(out);
    const Result<std::vector<float>> actual = Preprocessor(manifest->input).run(image);
    QVERIFY(actual.ok());
    QCOMPARE(qint64(expected.size()), qint64(actual->size() * sizeof(float)));
    // Bit for bit: the same double arithmetic, rounded to float32 at the same steps.
    QVERIFY(std::memcmp(expected.constData(), actual->data(), size_t(expected.size())) == 0);
}

void PreprocessorTest::sourceFormatsAgree()
{
    InputSpec spec;
    spec.width = 64;
    spec.height = 48;
    spec.padToSquare = true;
    const Preprocessor preprocessor(spec);
    const QImage rgb = noise(90, 70, 7);
    const std::vector<float> reference = preprocessor.run(rgb).value();
    for (const QImage::Format format :
         {QImage::Format_ARGB32_Premultiplied, QImage::Format_RGB888, QImage::Format_RGBA8888}) {
        QCOMPARE(preprocessor.run(rgb.convertToFormat(format)).value(), reference);
    }
    const QImage gray = rgb.convertToFormat(QImage::Format_Grayscale8);
    QCOMPARE(preprocessor.run(gray).value(),
             preprocessor.run(gray.convertToFormat(QImage::Format_RGB32)).value());
    spec.bgr = true;
    const std::vector<float> bgr = Preprocessor(spec).run(rgb).value();
    const size_t plane = size_t(spec.width * spec.height);
    QVERIFY(std::equal(bgr.begin(), bgr.begin() + plane, reference.begin() + 2 * plane));
}

void PreprocessorTest::nullImageIsInvalidInput()
{
    InputSpec spec;
    spec.width = spec.height = 8;
    const Result<std::vector<float>> out = Preprocessor(spec).run(QImage());
    QVERIFY(!out.ok());
    QCOMPARE(out.error().code, ErrorCode::InvalidInput);
}

void PreprocessorTest::manifestErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    const QString input = QStringLiteral(
        R"("input": {"width": 8, "height": 8, "resize": "%1", "mean": [0,0,0], "std": [1,1,%2]})");
    const auto manifest = [&](const QString& extra, const QString& resize = "tf_legacy_bilinear",
                              const QString& std = "1") {
        return QStringLiteral("{%1, %2}").arg(input.arg(resize, std), extra);
    };
    QTest::newRow("no name") << manifest(R"("task": "classify")") << "\"name\" is missing";
    QTest::newRow("bad task") << manifest(R"("name": "m", "task": "segment")")
                              << "task 'segment' is not detect or classify";
    QTest::newRow("bad resize") << manifest(R"("name": "m", "task": "detect")", "nearest")
                                << "input.resize 'nearest' is unknown";
    QTest::newRow("zero std") << manifest(R"("name": "m", "task": "detect")", "tf_legacy_bilinear",
                                          "0")
                              << "input.std must not contain 0";
    QTest::newRow("reserved key") << manifest(R"("name": "m", "task": "classify",
                                                 "result_key": "image")")
                                  << "result_key 'image' is empty or reserved";
    QTest::newRow("batch") << manifest(R"("name": "m", "task": "classify", "max_batch_size": 0)")
                           << "max_batch_size must be 1..1024";
    QTest::newRow("not json") << "{\"name\": "
                              << "not a JSON object";
}

void PreprocessorTest::manifestErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const Result<ModelManifest> manifest =
        ModelManifest::parse(json.toUtf8(), QStringLiteral("/repo/m/model.json"));
    QVERIFY(!manifest.ok());
    QVERIFY2(manifest.error().message.startsWith(QLatin1String("/repo/m/model.json: ")) &&
                 manifest.error().message.contains(message),
             qPrintable(manifest.error().message));
}

QTEST_GUILESS_MAIN(PreprocessorTest)
#include "tst_preprocessor.moc"
