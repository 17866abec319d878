// Camera metadata through the real engine: EXIF (make, model, lens, time, exposure, GPS,
// orientation) in the result for every format exiv2 writes, thumbnails for every allowed
// format, and an anonymised copy that carries no EXIF and no GPS.
#include "enginefixture.h"
#include "image/exifreader.h"
#include "testimages.h"
#include "teststack.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QTest>

using namespace pixelnest;
using test::EngineFixture;

namespace
{

void runAll(EngineFixture& fixture, const PipelineRegistry& pipelines)
{
    EngineConfig options = fixture.engineConfig();
    options.runtime.exitWhenIdle = true;
    QVERIFY(fixture.startEngine(options, pipelines).wait(180'000));
}

} // namespace

class TestMetadata final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cameraMetadataInTheResult_data()
    {
        QTest::addColumn<QByteArray>("format");
        for (const char* format : {"JPEG", "PNG", "WEBP", "TIFF"}) {
            QTest::newRow(format) << QByteArray(format);
        }
    }

    void cameraMetadataInTheResult()
    {
        QFETCH(QByteArray, format);
        EngineFixture fixture;
        const QByteArray photo = test::withCameraExif(test::encodedImage(64, 48, format));
        const qint64 id = fixture.submit(1, 0, QStringLiteral("metadata"), photo).first();
        runAll(fixture, PipelineRegistry::builtIn());
        const JobRecord job = fixture.admin().job(id)->job;
        QCOMPARE(job.status, JobStatus::Completed);
        const QJsonObject exif =
            job.result[QStringLiteral("metadata")][QStringLiteral("exif")].toObject();
        QCOMPARE(exif.value(QStringLiteral("make")).toString(),
                 QStringLiteral("Pixelnest Test Camera"));
        QCOMPARE(exif.value(QStringLiteral("model")).toString(), QStringLiteral("PX-1"));
        QCOMPARE(exif.value(QStringLiteral("lens")).toString(), QStringLiteral("PX 35mm F2.8"));
        QCOMPARE(exif.value(QStringLiteral("taken_at")).toString(),
                 QStringLiteral("2026-11-30T10:31:05"));
        const QJsonObject exposure = exif.value(QStringLiteral("exposure")).toObject();
        QCOMPARE(exposure.value(QStringLiteral("time_s")).toDouble(), 0.004);
        QCOMPARE(exposure.value(QStringLiteral("f_number")).toDouble(), 2.8);
        QCOMPARE(exposure.value(QStringLiteral("iso")).toInt(), 200);
        QCOMPARE(exposure.value(QStringLiteral("focal_length_mm")).toDouble(), 35.0);
        const QJsonObject gps = exif.value(QStringLiteral("gps")).toObject();
        QVERIFY(qAbs(gps.value(QStringLiteral("lat")).toDouble() - 37.566389) < 1e-5);
        QVERIFY(qAbs(gps.value(QStringLiteral("lon")).toDouble() - 126.978056) < 1e-5);
        QCOMPARE(exif.value(QStringLiteral("orientation")).toInt(), 6);
        // Orientation 6 is applied when decoding: 64×48 stored, 48×64 upright.
        if (format == "JPEG") {
            QCOMPARE(job.width, 48);
            QCOMPARE(job.height, 64);
        }
        QVERIFY(!fixture.admin().image(id, "thumbnail")->isEmpty());
    }

    void everyAllowedFormatGetsAThumbnailAndMetadata()
    {
        EngineFixture fixture;
        QList<qint64> ids;
        for (const char* format : {"JPEG", "PNG", "WEBP", "BMP", "TIFF"}) {
            ids += fixture.submit(1, 0, QStringLiteral("metadata"),
                                  test::encodedImage(80, 60, format));
        }
        // Qt reads GIF but writes none: the test writes one itself.
        const QByteArray gif = test::uncompressedGif(80, 60);
        QImage decodedGif;
        QVERIFY(decodedGif.loadFromData(gif, "GIF"));
        QCOMPARE(decodedGif.size(), QSize(80, 60));
        ids += fixture.submit(1, 0, QStringLiteral("metadata"), gif);
        runAll(fixture, PipelineRegistry::builtIn());
        for (qint64 id : ids) {
            const JobRecord job = fixture.admin().job(id)->job;
            QVERIFY2(job.status == JobStatus::Completed, qPrintable(job.error));
            QVERIFY(job.result.contains(QStringLiteral("metadata")));
            QVERIFY(job.result[QStringLiteral("metadata")][QStringLiteral("exif")].isObject());
            QImage thumbnail;
            QVERIFY(thumbnail.loadFromData(fixture.admin().image(id, "thumbnail").value()));
            QCOMPARE(thumbnail.size(), QSize(80, 60));
        }
    }

    void unreadableMetadataIsAWarningNotAFailure()
    {
        // A JPEG whose APP1 segment claims to be EXIF but holds garbage.
        QByteArray jpeg = test::encodedImage(40, 30, "JPEG");
        const QByteArray app1 = QByteArray("\xFF\xE1\x00\x12"
                                           "Exif\x00\x00"
                                           "MM\x00\x2A\xFF\xFF\xFF\xFF\x00\x00",
                                           20);
        jpeg.insert(2, app1);
        QString problem;
        (void)engine::readCameraMetadata(jpeg, &problem);
        EngineFixture fixture;
        const qint64 id = fixture.submit(1, 0, QStringLiteral("metadata"), jpeg).first();
        runAll(fixture, PipelineRegistry::builtIn());
        const JobRecord job = fixture.admin().job(id)->job;
        QVERIFY2(job.status == JobStatus::Completed, qPrintable(job.error));
        if (!problem.isEmpty()) {
            QVERIFY(job.result[QStringLiteral("warnings")].toArray().contains(problem));
        }
    }

    void theAnonymisedCopyCarriesNoExifOrGps()
    {
        EngineFixture fixture;
        EngineConfig config = fixture.engineConfig();
        config.inference.modelsDir =
            qEnvironmentVariable("PIXELNEST_BUILD_DIR") + QStringLiteral("/models");
        config.inference.device = QStringLiteral("cpu");
        const Result<PipelineRegistry> pipelines = PipelineRegistry::standard(config);
        QVERIFY2(pipelines.ok(), pipelines ? "" : qPrintable(pipelines.error().message));
        const QByteArray photo = test::withCameraExif(test::encodedImage(320, 240, "JPEG"));
        QVERIFY(engine::readCameraMetadata(photo).contains(QStringLiteral("gps")));
        const qint64 id = fixture.submit(1, 0, QStringLiteral("default"), photo).first();
        runAll(fixture, pipelines.value());
        const JobRecord job = fixture.admin().job(id)->job;
        QVERIFY2(job.status == JobStatus::Completed, qPrintable(job.error));
        QVERIFY(job.result[QStringLiteral("metadata")][QStringLiteral("exif")].toObject().contains(
            QStringLiteral("gps")));
        const QByteArray anonymised = fixture.admin().image(id, "anonymised").value();
        QVERIFY(!anonymised.isEmpty());
        QCOMPARE(engine::readCameraMetadata(anonymised), QJsonObject());
        QVERIFY(!anonymised.contains("Exif"));
    }
};

QTEST_GUILESS_MAIN(TestMetadata)
#include "tst_metadata.moc"
