#pragma once

#include "pixelnest/engineconfig.h"
#include "pixelnest/result.h"
#include "pixelnest/stage.h"

#include <QMap>
#include <QMutex>

#include <QStringList>
#include <functional>
#include <memory>

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
    // knob of the config (batch delay, workers, threads) and its image limits. Reads only the
    // manifests: each model (and libtorch) loads when its first job needs it. A missing or
    // broken model is not an error here but a readiness error of its stages; a bad device is,
    // and so is an explicit `cuda` without one.
    // Defined in infer/, which plugs the models into pipeline/.
    static Result<PipelineRegistry> standard(const EngineConfig& config);

    void add(Pipeline pipeline);
    // The device the models run on ("cpu", "cuda:0"; "auto" until the first model load
    // resolves it): heartbeats report it. Copies of a registry share it; thread-safe.
    void setDevice(const QString& device);
    QString device() const;
    // setDevice for whoever resolves it later (a model's first load), safe on any thread.
    std::function<void(const QString&)> deviceReporter() const;
    const Pipeline* find(const QString& name) const;
    QStringList names() const { return m_pipelines.keys(); }

private:
    struct DeviceLabel
    {
        QMutex mutex;
        QString value;
    };
    QMap<QString, Pipeline> m_pipelines;
    std::shared_ptr<DeviceLabel> m_device = std::make_shared<DeviceLabel>();
};

} // namespace pixelnest
