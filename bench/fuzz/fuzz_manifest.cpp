// A model manifest is a file a user drops into the model repository.
#include "infer/modelmanifest.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), int(size));
    (void)pixelnest::engine::ModelManifest::parse(json, QStringLiteral("fuzz/model.json"));
    return 0;
}
