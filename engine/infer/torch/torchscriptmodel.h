#pragma once

#include "infer/torchmodel.h"

namespace pixelnest::engine
{

// Inside the torch module only: torch::jit::load of `path` onto the resolved `device`, its 4-D
// weights and every input in `format`.
Result<std::unique_ptr<TorchModel>>
loadTorchScriptModel(const QString& path, const DeviceSpec& device, MemoryFormat format);

} // namespace pixelnest::engine
