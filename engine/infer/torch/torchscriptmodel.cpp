#include "infer/torch/torchscriptmodel.h"

#include <QFile>
#include <QStringList>

#include <cstring>
#include <optional>

// torch last: Debian's build leaks glog's CHECK/LOG macros into whatever follows it.
#include <torch/script.h>
#ifdef PIXELNEST_CUDA_STREAMS
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace pixelnest::engine
{

namespace
{

// One line a job's error can show. c10::Error's what() carries a C++ backtrace and its first
// line says what went wrong; a TorchScript `raise` puts two tracebacks first and the exception
// itself ("builtins.ValueError: ...") last.
QString summary(const char* what)
{
    const QString text = QString::fromLocal8Bit(what);
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty()) {
        return QStringLiteral("unknown error");
    }
    const bool scripted = text.contains(QLatin1String("Traceback of TorchScript"));
    return (scripted ? lines.last() : lines.first()).trimmed();
}

QString reason(const c10::Error& error)
{
    return summary(error.what_without_backtrace());
}

torch::Device torchDevice(const DeviceSpec& device)
{
    return device.kind == DeviceSpec::Kind::Cuda ? torch::Device(torch::kCUDA, device.index)
                                                 : torch::Device(torch::kCPU);
}

ModelOutput hostCopy(const torch::Tensor& tensor)
{
    const torch::Tensor host = tensor.detach().to(torch::kCPU, torch::kFloat).contiguous();
    ModelOutput out;
    out.shape.assign(host.sizes().begin(), host.sizes().end());
    out.values.assign(host.data_ptr<float>(), host.data_ptr<float>() + host.numel());
    return out;
}

// Tensor[N, ...] is split along dim 0; List[Tensor] must hold one tensor per image.
Result<std::vector<ModelOutput>> split(const c10::IValue& value, size_t images)
{
    std::vector<ModelOutput> outputs;
    if (value.isTensor()) {
        const torch::Tensor tensor = value.toTensor();
        if (tensor.dim() < 1 || size_t(tensor.size(0)) != images) {
            return makeError(Service::Model, ErrorCode::Internal,
                             QStringLiteral("forward returned a tensor of %1 dimension(s) whose "
                                            "first size is not the batch size %2")
                                 .arg(tensor.dim())
                                 .arg(images));
        }
        // One device-to-host copy for the whole batch, then one slice per image.
        const ModelOutput all = hostCopy(tensor);
        const size_t each = all.values.size() / images;
        for (size_t i = 0; i < images; ++i) {
            ModelOutput out;
            out.shape.assign(all.shape.begin() + 1, all.shape.end());
            out.values.assign(all.values.begin() + qint64(i * each),
                              all.values.begin() + qint64((i + 1) * each));
            outputs.push_back(std::move(out));
        }
        return outputs;
    }
    if (value.isTensorList() || value.isList()) {
        const std::vector<torch::Tensor> tensors = value.toTensorVector();
        if (tensors.size() != images) {
            return makeError(Service::Model, ErrorCode::Internal,
                             QStringLiteral("forward returned %1 tensors for %2 images")
                                 .arg(tensors.size())
                                 .arg(images));
        }
        for (const torch::Tensor& tensor : tensors) {
            outputs.push_back(hostCopy(tensor));
        }
        return outputs;
    }
    return makeError(Service::Model, ErrorCode::Internal,
                     QStringLiteral("forward returned %1; expected Tensor[N, ...] or "
                                    "List[Tensor] with one tensor per image")
                         .arg(QString::fromStdString(value.tagKind())));
}

class TorchScriptModel final : public TorchModel
{
public:
    Result<std::vector<ModelOutput>> forward(const std::vector<const float*>& images,
                                             const InputSpec& spec) override;

    torch::jit::Module module;
    torch::Device device{torch::kCPU};
    at::MemoryFormat format = at::MemoryFormat::Contiguous;
#ifdef PIXELNEST_CUDA_STREAMS
    std::optional<c10::cuda::CUDAStream> stream;
#endif

private:
    torch::Tensor input(const std::vector<const float*>& images, const InputSpec& spec) const;
};

torch::Tensor TorchScriptModel::input(const std::vector<const float*>& images,
                                      const InputSpec& spec) const
{
    const bool cuda = device.is_cuda();
    // Pinned (page-locked) host memory lets the host-to-device copy run asynchronously.
    const auto options = torch::TensorOptions().dtype(torch::kFloat).pinned_memory(cuda);
    torch::Tensor host = torch::empty({qint64(images.size()), 3, spec.height, spec.width}, options);
    float* data = host.data_ptr<float>();
    const size_t bytes = size_t(spec.elements()) * sizeof(float);
    for (size_t i = 0; i < images.size(); ++i) {
        std::memcpy(data + i * size_t(spec.elements()), images[i], bytes);
    }
    torch::Tensor on = cuda ? host.to(device, /*non_blocking=*/true) : host;
    return format == at::MemoryFormat::Contiguous ? on : on.contiguous(format);
}

// The 4-D weights (convolution kernels) in `format`, where the module keeps them as parameters
// or buffers; a model that keeps them elsewhere just runs with a reorder per convolution.
void weightsIn(torch::jit::Module& module, at::MemoryFormat format)
{
    const auto convert = [format](const torch::Tensor& tensor) {
        if (tensor.dim() == 4) {
            tensor.set_data(tensor.contiguous(format));
        }
    };
    for (const torch::Tensor& parameter : module.parameters(/*recurse=*/true)) {
        convert(parameter);
    }
    for (const torch::Tensor& buffer : module.buffers(/*recurse=*/true)) {
        convert(buffer);
    }
}

Result<std::vector<ModelOutput>> TorchScriptModel::forward(const std::vector<const float*>& images,
                                                           const InputSpec& spec)
{
    try {
        c10::InferenceMode inference;
        // Tensors the module creates without a device land on this worker's device.
        const c10::DeviceGuard onDevice(device);
#ifdef PIXELNEST_CUDA_STREAMS
        std::optional<c10::cuda::CUDAStreamGuard> onStream;
        if (stream) {
            onStream.emplace(*stream);
        }
#endif
        const c10::IValue value = module.forward({input(images, spec)});
        // The copies back to pageable host memory synchronise with this worker's stream.
        return split(value, images.size());
    } catch (const c10::Error& error) {
        return makeError(Service::Model, ErrorCode::Unavailable, reason(error));
    } catch (const std::exception& error) {
        return makeError(Service::Model, ErrorCode::Unavailable, summary(error.what()));
    } catch (...) {
        // A device worker must survive anything: the callers are blocked on its answer.
        return makeError(Service::Model, ErrorCode::Unavailable,
                         QStringLiteral("unknown exception in forward"));
    }
}

} // namespace

Result<std::unique_ptr<TorchModel>>
loadTorchScriptModel(const QString& path, const DeviceSpec& device, MemoryFormat format)
{
    auto impl = std::make_unique<TorchScriptModel>();
    try {
        impl->device = torchDevice(device);
        impl->module = torch::jit::load(QFile::encodeName(path).toStdString(), impl->device);
        impl->module.eval();
        if (format == MemoryFormat::ChannelsLast) {
            impl->format = at::MemoryFormat::ChannelsLast;
            weightsIn(impl->module, impl->format);
        }
        if (!impl->module.find_method("forward")) {
            return makeError(Service::Model, ErrorCode::Unavailable,
                             QStringLiteral("%1 has no forward method").arg(path));
        }
#ifdef PIXELNEST_CUDA_STREAMS
        if (impl->device.is_cuda()) {
            impl->stream = c10::cuda::getStreamFromPool(false, impl->device.index());
        }
#endif
    } catch (const c10::Error& error) {
        return makeError(Service::Model, ErrorCode::Unavailable,
                         QStringLiteral("%1 could not be loaded (%2)").arg(path, reason(error)));
    } catch (const std::exception& error) {
        return makeError(
            Service::Model, ErrorCode::Unavailable,
            QStringLiteral("%1 could not be loaded (%2)").arg(path, summary(error.what())));
    }
    return std::unique_ptr<TorchModel>(std::move(impl));
}

} // namespace pixelnest::engine
