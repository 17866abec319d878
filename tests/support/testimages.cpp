#include "testimages.h"

#include <QBuffer>

#include <QtEndian>
#include <exiv2/exiv2.hpp>

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

QByteArray uncompressedGif(int width, int height)
{
    QByteArray gif("GIF89a");
    const auto word = [&gif](int value) {
        gif.append(char(value & 0xFF));
        gif.append(char((value >> 8) & 0xFF));
    };
    word(width);
    word(height);
    gif.append(char(0xF7)); // global colour table of 256 entries
    gif.append('\0');
    gif.append('\0');
    for (int i = 0; i < 256; ++i) { // greys
        gif.append(char(i)).append(char(i)).append(char(i));
    }
    gif.append(',');
    word(0);
    word(0);
    word(width);
    word(height);
    gif.append('\0');
    gif.append(char(8)); // minimum code size: 9-bit codes, 256 = clear, 257 = end
    // Every pixel its own code, and a clear code before the table would grow past 9 bits.
    QByteArray codes;
    quint32 buffer = 0;
    int bits = 0;
    const auto emit = [&](int code) {
        buffer |= quint32(code) << bits;
        bits += 9;
        while (bits >= 8) {
            codes.append(char(buffer & 0xFF));
            buffer >>= 8;
            bits -= 8;
        }
    };
    int sinceClear = 0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            if (sinceClear == 0) {
                emit(256);
            }
            emit((x * 255) / qMax(1, width - 1));
            sinceClear = (sinceClear + 1) % 254;
        }
    }
    emit(257);
    if (bits > 0) {
        codes.append(char(buffer & 0xFF));
    }
    for (qsizetype at = 0; at < codes.size(); at += 255) { // sub-blocks of at most 255 bytes
        const QByteArray block = codes.mid(at, 255);
        gif.append(char(block.size()));
        gif.append(block);
    }
    gif.append('\0');
    gif.append(';');
    return gif;
}

QByteArray withCameraExif(const QByteArray& encoded)
{
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(encoded.data()),
                                           long(encoded.size()));
    image->readMetadata();
    Exiv2::ExifData exif;
    exif["Exif.Image.Make"] = "Pixelnest Test Camera";
    exif["Exif.Image.Model"] = "PX-1";
    exif["Exif.Photo.LensModel"] = "PX 35mm F2.8";
    exif["Exif.Photo.DateTimeOriginal"] = "2026:11:30 10:31:05";
    exif["Exif.Photo.ExposureTime"] = Exiv2::Rational(1, 250);
    exif["Exif.Photo.FNumber"] = Exiv2::Rational(28, 10);
    exif["Exif.Photo.ISOSpeedRatings"] = uint16_t(200);
    exif["Exif.Photo.FocalLength"] = Exiv2::Rational(35, 1);
    exif["Exif.Image.Orientation"] = uint16_t(6);
    exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
    exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
    Exiv2::URationalValue latitude;
    latitude.read("37/1 33/1 59/1");
    exif.add(Exiv2::ExifKey("Exif.GPSInfo.GPSLatitude"), &latitude);
    Exiv2::URationalValue longitude;
    longitude.read("126/1 58/1 41/1");
    exif.add(Exiv2::ExifKey("Exif.GPSInfo.GPSLongitude"), &longitude);
    image->setExifData(exif);
    image->writeMetadata();
    Exiv2::BasicIo& io = image->io();
    io.seek(0, Exiv2::BasicIo::beg);
    const Exiv2::DataBuf buffer = io.read(long(io.size()));
    return QByteArray(reinterpret_cast<const char*>(buffer.pData_), int(buffer.size_));
}

} // namespace pixelnest::test
