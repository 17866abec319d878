// What an image is before anything is stored or run: only the accepted formats, by content,
// and never a silently grey picture from data that ends early.
#include "pixelnest/imagelimits.h"
#include "testimages.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

using namespace pixelnest;

namespace
{

QByteArray encoded(const char* format)
{
    return test::encodedImage(64, 48, format);
}

} // namespace

class TestImageInspector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptedFormatsPass_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("width");
        for (const char* format : {"JPEG", "PNG", "WEBP", "BMP", "TIFF"}) {
            QTest::newRow(format) << encoded(format) << 64;
        }
        // Qt reads GIF but cannot write it: the classic 1×1 GIF89a.
        QTest::newRow("GIF") << QByteArray::fromHex("47494638396101000100800000000000ffffff21f904"
                                                    "01000000002c0000000001000100000202440100"
                                                    "3b")
                             << 1;
    }

    void acceptedFormatsPass()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, width);
        QVERIFY2(!bytes.isEmpty(), "this Qt cannot write the format (qt6-image-formats-plugins)");
        const Result<ImageFacts> facts = inspectImage(bytes, QStringLiteral("a"));
        QVERIFY2(facts.ok(), qPrintable(facts.ok() ? QString() : facts.error().message));
        QCOMPARE(facts->width, width);
        QVERIFY(decodeImage(bytes, QStringLiteral("a")).ok());
    }

    void otherInstalledFormatsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("PBM") << QByteArray("P1\n2 2\n0 1\n1 0\n");
        QTest::newRow("XPM") << QByteArray("/* XPM */\nstatic const char *x[] = {\n\"1 1 1 1\",\n"
                                           "\"a c #ff0000\",\n\"a\"};\n");
        QTest::newRow("PPM") << encoded("PPM");
    }

    void otherInstalledFormatsAreRefused()
    {
        QFETCH(QByteArray, bytes);
        const Result<ImageFacts> facts = inspectImage(bytes, QStringLiteral("odd"));
        QVERIFY(!facts.ok());
        QCOMPARE(facts.error().code, ErrorCode::InvalidInput);
        QCOMPARE(facts.error().service, Service::Input);
        QVERIFY2(facts.error().message.contains(QStringLiteral("not accepted (accepted: JPEG")) ||
                     facts.error().message.contains(QStringLiteral("not an image")),
                 qPrintable(facts.error().message));
    }

    void truncatedJpegFailsInsteadOfTurningGrey()
    {
        const QByteArray whole = test::encodedImage(640, 480, "JPEG");
        QVERIFY(decodeImage(whole, QStringLiteral("whole")).ok());
        const QByteArray cut = whole.left(whole.size() / 2); // the header is intact
        QVERIFY(inspectImage(cut, QStringLiteral("cut")).ok());
        const Result<QImage> decoded = decodeImage(cut, QStringLiteral("cut.jpg"));
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, ErrorCode::InvalidInput);
        QVERIFY2(decoded.error().message.contains(QStringLiteral("truncated image data")),
                 qPrintable(decoded.error().message));
    }
};

QTEST_GUILESS_MAIN(TestImageInspector)
#include "tst_imageinspector.moc"
