#pragma once

#include "infer/torchmodel.h"

namespace pixelnest::engine
{

// Inside the torch module only: torch::jit::load of `path` onto the resolved `device`.
Result<std::unique_ptr<TorchModel>> loadTorchScriptModel(const QString& path,
                                                         const DeviceSpec& device);

} // namespace pixelnest::engine
