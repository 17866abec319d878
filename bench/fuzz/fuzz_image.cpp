// The image inspector and decoder get whatever a user uploads: any bytes must give a value or a
// clear error, never a crash, a hang or an allocation past the limits.
#include "pixelnest/imagelimits.h"

#include <QGuiApplication>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char* argv[] = {name, nullptr};
    static QGuiApplication* app = [] {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return new QGuiApplication(argc, argv);
    }();
    (void)app;
    const QByteArray bytes(reinterpret_cast<const char*>(data), int(size));
    pixelnest::ImageLimits limits;
    limits.maxPixels = 4'000'000; // keep each run fast; the checks are the same
    limits.decodeBudgetBytes = 64LL * 1024 * 1024;
    if (pixelnest::inspectImage(bytes, QStringLiteral("fuzz"), limits).ok()) {
        (void)pixelnest::decodeImage(bytes, QStringLiteral("fuzz"), limits);
    }
    return 0;
}
