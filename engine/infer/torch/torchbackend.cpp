#include "infer/torchbackend.h"
#include "infer/torch/torchscriptmodel.h"

#include <QtGlobal>

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

namespace
{

bool cudaStreamsAreCompiled()
{
#ifdef PIXELNEST_CUDA_STREAMS
    return true;
#else
    return false;
#endif
}

class LoadedTorchBackend final : public TorchBackend
{
public:
    Result<DeviceSpec> resolve(const DeviceSpec& requested) override;
    void configureThread(int threads) override { at::set_num_threads(std::max(1, threads)); }
    void keepHeapMemory() override;
    bool cudaStreamsCompiled() const override { return cudaStreamsAreCompiled(); }
    QString describe() const override;
    Result<std::unique_ptr<TorchModel>> load(const QString& path, const DeviceSpec& device,
                                             MemoryFormat format) override
    {
        return loadTorchScriptModel(path, device, format);
    }
};

Result<DeviceSpec> LoadedTorchBackend::resolve(const DeviceSpec& requested)
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

void LoadedTorchBackend::keepHeapMemory()
{
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_MAX, 0);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
    });
#endif
}

QString LoadedTorchBackend::describe() const
{
    bool cuda = false;
    try {
        cuda = torch::cuda::is_available();
    } catch (const std::exception&) {
        cuda = false;
    }
    return QStringLiteral("libtorch %1, CUDA available: %2, per-worker CUDA streams: %3")
        .arg(QStringLiteral(TORCH_VERSION), cuda ? QStringLiteral("yes") : QStringLiteral("no"),
             cudaStreamsAreCompiled() ? QStringLiteral("compiled")
                                      : QStringLiteral("not compiled"));
}

} // namespace

} // namespace pixelnest::engine

// The module's only exported symbol (the module is built with hidden visibility).
extern "C" Q_DECL_EXPORT pixelnest::engine::TorchBackend* pixelnest_torch_backend()
{
    static pixelnest::engine::LoadedTorchBackend backend;
    return &backend;
}
