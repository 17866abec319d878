#include "infer/preprocessor.h"

#include <algorithm>
#include <cmath>

namespace pixelnest::engine
{

namespace
{

using Axis = Preprocessor::Axis;

Axis axis(int in, int out, ResizeMethod method)
{
    const bool alignCorners = method == ResizeMethod::BilinearAlignCorners && out > 1;
    const double ratio = alignCorners ? double(in - 1) / double(out - 1) : double(in) / double(out);
    Axis a;
    a.i0.resize(out);
    a.i1.resize(out);
    a.f.resize(out);
    for (int d = 0; d < out; ++d) {
        const double src = ratio * double(d);
        const int i0 = std::max(0, int(std::floor(src)));
        a.i0[d] = i0;
        a.i1[d] = std::min(in - 1, int(std::ceil(src)));
        a.f[d] = src - double(i0);
    }
    return a;
}

// 32-bit pixels, so that every source format is read the same way. Alpha is ignored, as
// tf.browser.fromPixels does for the RGB models.
QImage asRgb32(const QImage& image)
{
    switch (image.format()) {
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
        return image;
    default:
        return image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32
                                                             : QImage::Format_RGB32);
    }
}

// One channel of a source pixel; 0 outside the image (the bottom/right square padding).
inline double channel(const QRgb* row, int x, int width, int shift)
{
    return row != nullptr && x < width ? double((row[x] >> shift) & 0xff) : 0.0;
}

} // namespace

Preprocessor::Preprocessor(InputSpec spec) : m_spec(spec) {}

Result<std::vector<float>> Preprocessor::run(const QImage& image) const
{
    std::vector<float> out(size_t(m_spec.elements()));
    if (Result<void> done = runInto(image, out.data()); !done) {
        return done.error();
    }
    return out;
}

Result<void> Preprocessor::runInto(const QImage& image, float* out) const
{
    if (image.isNull() || image.width() < 1 || image.height() < 1) {
        return makeError(Service::Model, ErrorCode::InvalidInput,
                         QStringLiteral("no decoded image to run on"));
    }
    const QImage rgb = asRgb32(image);
    const int side = std::max(rgb.width(), rgb.height());
    const Axis xs = axis(m_spec.padToSquare ? side : rgb.width(), m_spec.width, m_spec.resize);
    const Axis ys = axis(m_spec.padToSquare ? side : rgb.height(), m_spec.height, m_spec.resize);
    const auto line = [&rgb](int y) {
        return y < rgb.height() ? reinterpret_cast<const QRgb*>(rgb.constScanLine(y)) : nullptr;
    };
    for (int oy = 0; oy < m_spec.height; ++oy) {
        resizeRow(line(ys.i0[oy]), line(ys.i1[oy]), ys.f[oy], rgb.width(), xs,
                  out + qint64(oy) * m_spec.width);
    }
    return {};
}

// One output row of all three planes from the two source rows it samples (null: padding).
void Preprocessor::resizeRow(const QRgb* r0, const QRgb* r1, double fy, int width, const Axis& xs,
                             float* row) const
{
    // QRgb is 0xAARRGGBB: the shift of each output channel.
    const int shifts[3] = {m_spec.bgr ? 0 : 16, 8, m_spec.bgr ? 16 : 0};
    const qint64 plane = qint64(m_spec.width) * m_spec.height;
    for (int ox = 0; ox < m_spec.width; ++ox) {
        const int x0 = xs.i0[ox];
        const int x1 = xs.i1[ox];
        const double fx = xs.f[ox];
        for (int c = 0; c < 3; ++c) {
            const int s = shifts[c];
            const double p00 = channel(r0, x0, width, s);
            const double p01 = channel(r0, x1, width, s);
            const double p10 = channel(r1, x0, width, s);
            const double p11 = channel(r1, x1, width, s);
            const double top = p00 + (p01 - p00) * fx;
            const double bottom = p10 + (p11 - p10) * fx;
            const float value = float(top + (bottom - top) * fy);
            row[c * plane + ox] = (value * m_spec.scale - m_spec.mean[c]) / m_spec.std[c];
        }
    }
}

} // namespace pixelnest::engine
