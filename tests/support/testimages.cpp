#include "testimages.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>

namespace pixelnest::test
{

QByteArray encodedImage(int width, int height, const char* format)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            line[x] = qRgb((x * 255) / qMax(1, width), (y * 255) / qMax(1, height), (x ^ y) & 255);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QByteArray corruptPng()
{
    QByteArray png = encodedImage(256, 200, "PNG");
    // Overwrite the middle of the compressed IDAT stream: zlib and the chunk CRC both fail.
    const qsizetype idat = png.indexOf("IDAT");
    for (qsizetype i = idat + 64; i < idat + 256 && i < png.size(); ++i) {
        png[i] = char(0x5a);
    }
    return png;
}

QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

} // namespace pixelnest::test
