#pragma once

#include "infer/devicespec.h"
#include "infer/modelmanifest.h"
#include "infer/modeloutput.h"

#include <memory>
#include <vector>

namespace pixelnest::engine
{

// One TorchScript module on one device: the only object that touches torch::jit. Each device
// worker owns its own copy (torch::jit::Module::forward is not meant to be shared across
// threads that also move it between devices, and a copy per worker lets each use its own CUDA
// stream). Nothing here throws: torch exceptions become an Error.
class TorchModel final
{
public:
    ~TorchModel();
    TorchModel(const TorchModel&) = delete;
    TorchModel& operator=(const TorchModel&) = delete;

    // `device` must be resolved (cpu or cuda:N). Errors are ErrorCode::Unavailable with the
    // loader's reason.
    static Result<std::unique_ptr<TorchModel>> load(const QString& path, const DeviceSpec& device);

    // One forward over images.size() inputs of `input.elements()` floats each ([3, H, W]).
    // Returns one output per image, in order. On CUDA the batch goes through pinned host memory
    // with a non-blocking copy on this model's stream.
    Result<std::vector<ModelOutput>> forward(const std::vector<const float*>& images,
                                             const InputSpec& input);

private:
    struct Impl;
    explicit TorchModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace pixelnest::engine
