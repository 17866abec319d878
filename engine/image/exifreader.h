#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace pixelnest::engine
{

// The camera metadata of an encoded image (JPEG, PNG, WebP, TIFF...), through exiv2: EXIF, with
// XMP where EXIF says nothing. {"make", "model", "lens", "taken_at" (ISO 8601, the camera's
// local time as it wrote it), "exposure": {"time_s", "f_number", "iso", "focal_length_mm"},
// "gps": {"lat", "lon"} (decimal degrees, south and west negative), "orientation" (1-8)}; keys
// the image does not carry are left out, and an image without metadata gives {}. Metadata that
// exiv2 cannot parse is not an error: the image may still decode (the caller's warnings say so
// through `problem`).
QJsonObject readCameraMetadata(const QByteArray& encoded, QString* problem = nullptr);

} // namespace pixelnest::engine
