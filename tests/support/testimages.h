#pragma once

#include <QByteArray>
#include <QString>

namespace pixelnest::test
{

// A real encoded image (a colour gradient, so it does not compress to nothing).
QByteArray encodedImage(int width, int height, const char* format = "PNG");

// A PNG whose header is intact but whose pixel data is damaged: passes the upload check (size,
// format and pixel count come from the header) and fails to decode in the engine.
QByteArray corruptPng();
// `encoded` (any format exiv2 writes: JPEG, PNG, WebP, TIFF) with a camera's EXIF: make
// "Pixelnest Test Camera", model "PX-1", lens "PX 35mm F2.8", taken 2026-11-30T10:31:05,
// 1/250 s, f/2.8, ISO 200, 35 mm, GPS 37°33'59"N 126°58'41"E (Seoul), orientation 6.
QByteArray withCameraExif(const QByteArray& encoded);
// A valid GIF89a of width×height (a grey gradient), LZW without compression: Qt reads GIF but
// cannot write it.
QByteArray uncompressedGif(int width, int height);

// Writes `bytes` to dir/name and returns the path.
QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes);

// Decompression bombs: a few KB that decode to width × height pixels. A greyscale PNG of zeros
// (deflate, streamed so the test never holds the pixels), and an RLE8 BMP that ends at once.
QByteArray pngBomb(int width, int height);
QByteArray bmpRleBomb(int width, int height);

} // namespace pixelnest::test
