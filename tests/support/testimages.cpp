#include "testimages.h"

#include <QBuffer>
#include <QtEndian>

#include <QDir>
#include <QFile>
#include <QImage>
#include <zlib.h>

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

namespace
{

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    QByteArray chunk(4, '\0');
    qToBigEndian<quint32>(quint32(data.size()), chunk.data());
    const QByteArray body = QByteArray(type, 4) + data;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(
        quint32(crc32(0, reinterpret_cast<const Bytef*>(body.constData()), uInt(body.size()))),
        crc.data());
    return chunk + body + crc;
}

} // namespace

QByteArray pngBomb(int width, int height)
{
    QByteArray header(13, '\0');
    qToBigEndian<quint32>(quint32(width), header.data());
    qToBigEndian<quint32>(quint32(height), header.data() + 4);
    header[8] = 8; // bit depth; colour type 0 (grey), deflate, filter 0, no interlace
    z_stream stream = {};
    deflateInit(&stream, 9);
    const QByteArray row(width + 1, '\0'); // filter byte + pixels
    QByteArray compressed;
    char out[1 << 16];
    for (int y = 0; y < height; ++y) {
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(row.constData()));
        stream.avail_in = uInt(row.size());
        const int flush = y + 1 == height ? Z_FINISH : Z_NO_FLUSH;
        do {
            stream.next_out = reinterpret_cast<Bytef*>(out);
            stream.avail_out = sizeof(out);
            deflate(&stream, flush);
            compressed.append(out, int(sizeof(out) - stream.avail_out));
        } while (stream.avail_out == 0);
    }
    deflateEnd(&stream);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", header) +
           pngChunk("IDAT", compressed) + pngChunk("IEND", {});
}

QByteArray bmpRleBomb(int width, int height)
{
    constexpr int kPaletteBytes = 256 * 4;
    const QByteArray pixels("\x00\x01", 2); // RLE8: end of bitmap
    const int offset = 14 + 40 + kPaletteBytes;
    QByteArray bmp(offset, '\0');
    char* b = bmp.data();
    b[0] = 'B';
    b[1] = 'M';
    qToLittleEndian<quint32>(quint32(offset + pixels.size()), b + 2);
    qToLittleEndian<quint32>(quint32(offset), b + 10);
    qToLittleEndian<quint32>(40, b + 14);
    qToLittleEndian<qint32>(width, b + 18);
    qToLittleEndian<qint32>(height, b + 22);
    qToLittleEndian<quint16>(1, b + 26); // planes
    qToLittleEndian<quint16>(8, b + 28); // bits per pixel
    qToLittleEndian<quint32>(1, b + 30); // BI_RLE8
    qToLittleEndian<quint32>(quint32(pixels.size()), b + 34);
    qToLittleEndian<quint32>(256, b + 46); // colours used
    return bmp + pixels;
}

} // namespace pixelnest::test
