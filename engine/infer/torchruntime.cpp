#include "infer/torchruntime.h"

#include <mutex>

#ifdef __GLIBC__
#include <malloc.h>
#endif

// torch last: Debian's build leaks glog's CHECK/LOG macros into whatever follows it.
#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

namespace pixelnest::engine
{

Result<DeviceSpec> TorchRuntime::resolve(const DeviceSpec& requested)
{
    try {
        const bool cuda = torch::cuda::is_available();
        if (requested.kind == DeviceSpec::Kind::Cpu) {
            return requested;
        }
        if (requested.kind == DeviceSpec::Kind::Auto) {
            return DeviceSpec{cuda ? DeviceSpec::Kind::Cuda : DeviceSpec::Kind::Cpu, 0};
        }
        if (!cuda) {
            return makeError(Service::Model, ErrorCode::Unavailable,
                             QStringLiteral("device %1 was requested but CUDA is not available "
                                            "(this libtorch %2 is built without CUDA, or no GPU "
                                            "or driver is visible): use --device cpu or auto")
                                 .arg(requested.toString(), QStringLiteral(TORCH_VERSION)));
        }
        const int count = int(torch::cuda::device_count());
        if (requested.index >= count) {
            return makeError(Service::Model, ErrorCode::Unavailable,
                             QStringLiteral("device %1 was requested but only %2 CUDA device(s) "
                                            "are visible (cuda:0..cuda:%3)")
                                 .arg(requested.toString())
                                 .arg(count)
                                 .arg(count - 1));
        }
        return requested;
    } catch (const std::exception& error) {
        return makeError(Service::Model, ErrorCode::Unavailable,
                         QStringLiteral("device %1: %2")
                             .arg(requested.toString(), QString::fromLocal8Bit(error.what())));
    }
}

void TorchRuntime::configureThread(int threads)
{
    at::set_num_threads(std::max(1, threads));
}

void TorchRuntime::keepHeapMemory()
{
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_MAX, 0);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
    });
#endif
}

bool TorchRuntime::cudaStreamsCompiled()
{
#ifdef PIXELNEST_CUDA_STREAMS
    return true;
#else
    return false;
#endif
}

QString TorchRuntime::describe()
{
    bool cuda = false;
    try {
        cuda = torch::cuda::is_available();
    } catch (const std::exception&) {
        cuda = false;
    }
    return QStringLiteral("libtorch %1, CUDA available: %2, per-worker CUDA streams: %3")
        .arg(QStringLiteral(TORCH_VERSION), cuda ? QStringLiteral("yes") : QStringLiteral("no"),
             cudaStreamsCompiled() ? QStringLiteral("compiled") : QStringLiteral("not compiled"));
}

} // namespace pixelnest::engine
