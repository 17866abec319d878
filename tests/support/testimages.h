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

// Writes `bytes` to dir/name and returns the path.
QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes);

// Decompression bombs: a few KB that decode to width × height pixels. A greyscale PNG of zeros
// (deflate, streamed so the test never holds the pixels), and an RLE8 BMP that ends at once.
QByteArray pngBomb(int width, int height);
QByteArray bmpRleBomb(int width, int height);

} // namespace pixelnest::test
