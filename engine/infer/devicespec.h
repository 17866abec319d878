#pragma once

#include "pixelnest/result.h"

#include <QString>

namespace pixelnest::engine
{

// `--device auto|cpu|cuda|cuda:N`, parsed without touching torch. TorchRuntime::resolve turns
// `auto` and `cuda` into a concrete device and checks that it exists.
struct DeviceSpec
{
    enum class Kind
    {
        Auto,
        Cpu,
        Cuda,
    };
    Kind kind = Kind::Auto;
    int index = 0; // CUDA ordinal

    // Errors are ErrorCode::InvalidInput, naming the accepted forms.
    static Result<DeviceSpec> parse(const QString& text);
    // "auto", "cpu" or "cuda:N": the form results and heartbeats report.
    QString toString() const;
    bool operator==(const DeviceSpec& other) const
    {
        return kind == other.kind && index == other.index;
    }
};

} // namespace pixelnest::engine
