#pragma once

#include "infer/modelmanifest.h"

#include <QImage>

#include <vector>

namespace pixelnest::engine
{

// Turns a decoded QImage into one model input, [3, height, width] float32, exactly as the
// manifest's "input" says. Preprocessing lives here in C++, not in the TorchScript modules: the
// engine does it on the CPU pool thread that decoded the image, so it overlaps inference on the
// device workers, and the modules stay plain tensor-in/tensor-out (packaging/models/README.md,
// "Contract with the C++ engine").
//
// The resize is tfjs' CPU resizeBilinear computed in double and stored as float32, then
// (x * scale - mean[c]) / std[c] in float32: the converted models were checked against the
// original JavaScript with this arithmetic, so it must not be "improved".
class Preprocessor final
{
public:
    explicit Preprocessor(InputSpec spec);

    const InputSpec& spec() const { return m_spec; }
    // Errors are ErrorCode::InvalidInput (a null or empty image).
    Result<std::vector<float>> run(const QImage& image) const;
    // The same into caller-owned memory of spec().elements() floats.
    Result<void> runInto(const QImage& image, float* out) const;

    // Where each output index samples along one axis of the source.
    struct Axis
    {
        std::vector<int> i0;
        std::vector<int> i1;
        std::vector<double> f;
    };

private:
    void resizeRow(const QRgb* r0, const QRgb* r1, double fy, int width, const Axis& xs,
                   float* row) const;

    InputSpec m_spec;
};

} // namespace pixelnest::engine
