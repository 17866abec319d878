#pragma once

#include "infer/torchmodel.h"

namespace pixelnest::engine
{

// What the engine asks of libtorch, implemented in its own shared module
// (libpixelnest_torch.so, engine/infer/torch/) that TorchRuntime loads the first time a model
// is needed. Linking libtorch into the binary made every process pay ~0.9 s and ~150 MB at
// start, from `pixelnest --help` to a `noop` engine that never runs a model. The module is
// built from the same sources and compiler as the engine, so C++ types cross the boundary.
class TorchBackend
{
public:
    virtual ~TorchBackend() = default;
    virtual Result<DeviceSpec> resolve(const DeviceSpec& requested) = 0;
    virtual void configureThread(int threads) = 0;
    virtual void keepHeapMemory() = 0;
    virtual bool cudaStreamsCompiled() const = 0;
    virtual QString describe() const = 0;
    virtual Result<std::unique_ptr<TorchModel>> load(const QString& path, const DeviceSpec& device,
                                                     MemoryFormat format) = 0;
};

// The module's one exported symbol: `extern "C" TorchBackend* pixelnest_torch_backend()`,
// returning a process-lifetime object.
inline constexpr char kTorchBackendEntry[] = "pixelnest_torch_backend";
using TorchBackendEntry = TorchBackend* (*)();

} // namespace pixelnest::engine
