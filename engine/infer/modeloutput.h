#pragma once

#include <QtGlobal>

#include <vector>

namespace pixelnest::engine
{

// One image's slice of a forward pass, copied to host memory: what the batcher hands back to
// the job that asked. A detector gives [k, 5], a classifier [labels].
struct ModelOutput
{
    std::vector<float> values;
    std::vector<qint64> shape;
};

} // namespace pixelnest::engine
