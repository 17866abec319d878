#pragma once

#include "infer/devicespec.h"

namespace pixelnest::engine
{

// Process-wide torch questions, answered by the torch module (torchbackend.h), which the first
// call loads: a process that never asks never maps libtorch. Without the module, resolve() and
// TorchModel::load() fail with ErrorCode::Unavailable naming the path and the loader's reason,
// and the rest do nothing.
class TorchRuntime final
{
public:
    // Whether the module file is where it will be loaded from, without loading it: an engine
    // checks at start what its first model job would otherwise find out.
    static Result<void> checkInstalled();
    // `auto` becomes cuda:0 when torch::cuda::is_available() and cpu otherwise; `cuda`/`cuda:N`
    // must name a visible CUDA device. Errors are ErrorCode::Unavailable with the fix.
    static Result<DeviceSpec> resolve(const DeviceSpec& requested);
    // Call on each inference thread before its first forward: Debian's libtorch uses OpenMP,
    // whose thread count is a per-thread setting (a new thread starts single-threaded).
    static void configureThread(int threads);
    // Process-wide, once: large allocations from the heap, freed pages kept (see
    // InferenceConfig::keepHeapMemory). No-op outside glibc.
    static void keepHeapMemory();
    // Whether per-worker CUDA streams were compiled in (needs c10_cuda and the CUDA headers).
    static bool cudaStreamsCompiled();
    // "libtorch 1.13.0 (CUDA: no, streams: no, BLAS: ...)" for the start-up log line.
    static QString describe();
};

} // namespace pixelnest::engine
