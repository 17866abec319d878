#pragma once

#include "pixelnest/inferenceoptions.h"
#include "pixelnest/pipelines.h"

namespace pixelnest::engine
{

// Builds what PipelineRegistry::standard() returns: the built-in pipelines, `default` = decode,
// thumbnail, face_detector, moderation, anonymise, and one pipeline per model directory of the
// repository (`<name>` = decode + that model), so that a user's model dropped into the
// repository runs without a rebuild. Every stage of one model shares one ModelService (one
// batcher, one set of device workers).
//
// Loads the models now (about a second on a CPU): call it off the GUI thread. A missing or
// broken model is not an error here: its stages report it through ready(). Errors: a malformed
// device (InvalidInput) or a device that does not exist, such as cuda on a CPU-only build
// (Unavailable).
class InferencePipelines final
{
public:
    static Result<PipelineRegistry> build(const ImageLimits& limits,
                                          const InferenceOptions& options);
};

} // namespace pixelnest::engine
