#pragma once

#include "infer/devicespec.h"
#include "infer/modelmanifest.h"
#include "infer/modeloutput.h"

#include <memory>
#include <vector>

namespace pixelnest::engine
{

// How a model's 4-D weights and inputs lie in memory. Channels-last (NHWC) lets oneDNN run the
// convolutions without reordering: measured on the CPU here, 7-20 % faster for the face
// detector and moderation alike at the same outputs (within 1e-6). On a GPU it pays with
// reduced precision only, so ModelService picks it for the CPU (memoryFormatFor).
enum class MemoryFormat
{
    Contiguous,
    ChannelsLast,
};

inline const char* memoryFormatName(MemoryFormat format) // for logs and benchmark tables
{
    return format == MemoryFormat::ChannelsLast ? "channels-last" : "contiguous";
}

// One TorchScript module on one device. Each device worker owns its own copy
// (torch::jit::Module::forward is not meant to be shared across threads that also move it
// between devices, and a copy per worker lets each use its own CUDA stream). The object lives
// in the torch module (see torchbackend.h); nothing here throws: torch exceptions become an
// Error.
class TorchModel
{
public:
    virtual ~TorchModel() = default;

    // `device` must be resolved (cpu or cuda:N). Loads the torch module first if needed.
    // Errors are ErrorCode::Unavailable with the loader's reason.
    static Result<std::unique_ptr<TorchModel>> load(const QString& path, const DeviceSpec& device,
                                                    MemoryFormat format = MemoryFormat::Contiguous);

    // One forward over images.size() inputs of `input.elements()` floats each ([3, H, W]).
    // Returns one output per image, in order. On CUDA the batch goes through pinned host memory
    // with a non-blocking copy on this model's stream.
    virtual Result<std::vector<ModelOutput>> forward(const std::vector<const float*>& images,
                                                     const InputSpec& input) = 0;

protected:
    TorchModel() = default;
    TorchModel(const TorchModel&) = delete;
    TorchModel& operator=(const TorchModel&) = delete;
};

} // namespace pixelnest::engine
