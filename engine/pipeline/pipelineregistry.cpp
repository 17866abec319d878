#include "pixelnest/pipelines.h"

#include "pipeline/builtinstages.h"

namespace pixelnest
{

PipelineRegistry PipelineRegistry::builtIn(const ImageLimits& limits)
{
    using namespace engine;
    PipelineRegistry registry;
    registry.add({QStringLiteral("noop"), {std::make_shared<ByteCountStage>()}});
    const std::vector<StagePtr> metadata{std::make_shared<DecodeStage>(limits),
                                         std::make_shared<MetadataStage>(),
                                         std::make_shared<ThumbnailStage>()};
    registry.add({QStringLiteral("metadata"), metadata});
    registry.add({QStringLiteral("default"), metadata});
    return registry;
}

void PipelineRegistry::setDevice(const QString& device)
{
    deviceReporter()(device);
}

QString PipelineRegistry::device() const
{
    QMutexLocker lock(&m_device->mutex);
    return m_device->value;
}

std::function<void(const QString&)> PipelineRegistry::deviceReporter() const
{
    return [label = m_device](const QString& device) {
        QMutexLocker lock(&label->mutex);
        label->value = device;
    };
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
