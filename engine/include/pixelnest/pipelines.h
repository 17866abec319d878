#pragma once

#include "pixelnest/engineconfig.h"
#include "pixelnest/result.h"
#include "pixelnest/stage.h"

#include <QMap>
#include <QStringList>

namespace pixelnest
{

// Pipelines by name. The built-in ones are `noop` (count the bytes), `metadata` (decode,
// metadata, thumbnail) and `default` (metadata plus the models, added by the inference part).
class PipelineRegistry final
{
public:
    static PipelineRegistry builtIn(const ImageLimits& limits = {});

    // What an engine runs: the built-in pipelines, `default` with the models found in
    // config.inference.modelsDir on its device, and the user's own models, with every inference
    // knob of the config (batch delay, workers, threads) and its image limits. Loads the models
    // (about a second on a CPU): call it off the GUI thread. A missing or broken model is not
    // an error here but a readiness error of its stages; a bad or absent device is.
    // Defined in infer/, which plugs the models into pipeline/.
    static Result<PipelineRegistry> standard(const EngineConfig& config);

    void add(Pipeline pipeline);
    // The device the models run on ("cpu", "cuda:0"), once resolved: heartbeats report it.
    void setDevice(const QString& device) { m_device = device; }
    QString device() const { return m_device; }
    const Pipeline* find(const QString& name) const;
    QStringList names() const { return m_pipelines.keys(); }

private:
    QMap<QString, Pipeline> m_pipelines;
    QString m_device;
};

} // namespace pixelnest
