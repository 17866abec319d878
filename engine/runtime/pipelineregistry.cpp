#include "pixelnest/pipelines.h"

#include "infer/inferencepipelines.h"
#include "runtime/builtinstages.h"

namespace pixelnest
{

PipelineRegistry PipelineRegistry::builtIn(const ImageLimits& limits)
{
    using namespace engine;
    PipelineRegistry registry;
    registry.add({QStringLiteral("noop"), {std::make_shared<ByteCountStage>()}});
    const std::vector<StagePtr> metadata{std::make_shared<DecodeStage>(limits),
                                         std::make_shared<ThumbnailStage>()};
    registry.add({QStringLiteral("metadata"), metadata});
    registry.add({QStringLiteral("default"), metadata});
    return registry;
}

Result<PipelineRegistry> PipelineRegistry::standard(const ImageLimits& limits,
                                                    const QString& modelsDir, const QString& device)
{
    InferenceOptions options;
    options.modelsDir = modelsDir;
    options.device = device;
    return standard(limits, options);
}

Result<PipelineRegistry> PipelineRegistry::standard(const ImageLimits& limits,
                                                    const InferenceOptions& options)
{
    return engine::InferencePipelines::build(limits, options);
}

void PipelineRegistry::add(Pipeline pipeline)
{
    const QString name = pipeline.name;
    m_pipelines.insert(name, std::move(pipeline));
}

const Pipeline* PipelineRegistry::find(const QString& name) const
{
    const auto it = m_pipelines.constFind(name);
    return it == m_pipelines.cend() ? nullptr : &it.value();
}

} // namespace pixelnest
