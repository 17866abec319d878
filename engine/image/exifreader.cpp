#include "image/exifreader.h"

#include <QDateTime>
#include <QJsonValue>

#include <exiv2/exiv2.hpp>

#include <cmath>
#include <mutex>

namespace pixelnest::engine
{

namespace
{

// Exiv2's XMP toolkit must be initialised once before threads parse XMP; its log would write
// every malformed tag of every upload to stderr.
void initialiseOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::XmpParser::initialize();
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    });
}

QString exifText(const Exiv2::ExifData& exif, const char* key)
{
    const auto found = exif.findKey(Exiv2::ExifKey(key));
    return found == exif.end() ? QString() : QString::fromStdString(found->toString()).trimmed();
}

QString xmpText(const Exiv2::XmpData& xmp, const char* key)
{
    const auto found = xmp.findKey(Exiv2::XmpKey(key));
    return found == xmp.end() ? QString() : QString::fromStdString(found->toString()).trimmed();
}

// A rational tag as a number; NaN when absent or x/0.
double exifNumber(const Exiv2::ExifData& exif, const char* key, long component = 0)
{
    const auto found = exif.findKey(Exiv2::ExifKey(key));
    if (found == exif.end() || found->count() <= component) {
        return std::nan("");
    }
    const Exiv2::Rational value = found->toRational(component);
    return value.second == 0 ? std::nan("") : double(value.first) / double(value.second);
}

// Degrees, minutes, seconds and the hemisphere reference → signed decimal degrees.
double coordinate(const Exiv2::ExifData& exif, const char* key, const char* reference)
{
    const double degrees = exifNumber(exif, key, 0);
    const double minutes = exifNumber(exif, key, 1);
    const double seconds = exifNumber(exif, key, 2);
    if (std::isnan(degrees)) {
        return std::nan("");
    }
    double value = degrees + (std::isnan(minutes) ? 0 : minutes / 60) +
                   (std::isnan(seconds) ? 0 : seconds / 3600);
    const QString ref = exifText(exif, reference);
    if (ref.startsWith(QLatin1Char('S')) || ref.startsWith(QLatin1Char('W'))) {
        value = -value;
    }
    return value;
}

void insertText(QJsonObject& object, const char* key, const QString& value)
{
    if (!value.isEmpty()) {
        object.insert(QLatin1String(key), value);
    }
}

void insertNumber(QJsonObject& object, const char* key, double value, int decimals)
{
    if (!std::isnan(value) && std::isfinite(value)) {
        const double scale = std::pow(10.0, decimals);
        object.insert(QLatin1String(key), std::round(value * scale) / scale);
    }
}

// "2026:11:30 10:31:05" (EXIF) or ISO 8601 (XMP) → "2026-11-30T10:31:05".
QString isoTime(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyy:MM:dd HH:mm:ss"));
    if (!time.isValid()) {
        time = QDateTime::fromString(text, Qt::ISODate);
    }
    return time.isValid() ? time.toString(Qt::ISODate) : QString();
}

} // namespace

QJsonObject readCameraMetadata(const QByteArray& encoded, QString* problem)
{
    initialiseOnce();
    QJsonObject metadata;
    try {
        auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(encoded.data()),
                                               long(encoded.size()));
        if (image.get() == nullptr) {
            return metadata;
        }
        image->readMetadata();
        const Exiv2::ExifData& exif = image->exifData();
        const Exiv2::XmpData& xmp = image->xmpData();
        const auto either = [&](const char* exifKey, const char* xmpKey) {
            const QString fromExif = exifText(exif, exifKey);
            return fromExif.isEmpty() ? xmpText(xmp, xmpKey) : fromExif;
        };
        insertText(metadata, "make", either("Exif.Image.Make", "Xmp.tiff.Make"));
        insertText(metadata, "model", either("Exif.Image.Model", "Xmp.tiff.Model"));
        insertText(metadata, "lens", either("Exif.Photo.LensModel", "Xmp.aux.Lens"));
        QString taken = isoTime(exifText(exif, "Exif.Photo.DateTimeOriginal"));
        if (taken.isEmpty()) {
            taken = isoTime(xmpText(xmp, "Xmp.exif.DateTimeOriginal"));
        }
        insertText(metadata, "taken_at", taken);
        QJsonObject exposure;
        insertNumber(exposure, "time_s", exifNumber(exif, "Exif.Photo.ExposureTime"), 6);
        insertNumber(exposure, "f_number", exifNumber(exif, "Exif.Photo.FNumber"), 1);
        insertNumber(exposure, "focal_length_mm", exifNumber(exif, "Exif.Photo.FocalLength"), 1);
        const auto iso = exif.findKey(Exiv2::ExifKey("Exif.Photo.ISOSpeedRatings"));
        if (iso != exif.end() && iso->count() > 0) {
            exposure.insert(QStringLiteral("iso"), qint64(iso->toLong(0)));
        }
        if (!exposure.isEmpty()) {
            metadata.insert(QStringLiteral("exposure"), exposure);
        }
        QJsonObject gps;
        insertNumber(gps, "lat",
                     coordinate(exif, "Exif.GPSInfo.GPSLatitude", "Exif.GPSInfo.GPSLatitudeRef"),
                     6);
        insertNumber(gps, "lon",
                     coordinate(exif, "Exif.GPSInfo.GPSLongitude", "Exif.GPSInfo.GPSLongitudeRef"),
                     6);
        if (gps.contains(QStringLiteral("lat")) && gps.contains(QStringLiteral("lon"))) {
            metadata.insert(QStringLiteral("gps"), gps);
        }
        const auto orientation = exif.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
        if (orientation != exif.end() && orientation->count() > 0) {
            const long value = orientation->toLong(0);
            if (value >= 1 && value <= 8) {
                metadata.insert(QStringLiteral("orientation"), qint64(value));
            }
        }
    } catch (const Exiv2::AnyError& error) {
        if (problem != nullptr) {
            *problem = QStringLiteral("camera metadata could not be read: %1")
                           .arg(QString::fromStdString(error.what()));
        }
    } catch (const std::exception& error) { // exiv2 also throws std exceptions on bad data
        if (problem != nullptr) {
            *problem = QStringLiteral("camera metadata could not be read: %1")
                           .arg(QString::fromLatin1(error.what()));
        }
    }
    return metadata;
}

} // namespace pixelnest::engine
