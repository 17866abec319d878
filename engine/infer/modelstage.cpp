#include "infer/modelstage.h"

#include "infer/resultjson.h"

#include <QElapsedTimer>

namespace pixelnest::engine
{

ModelStage::ModelStage(std::shared_ptr<const ModelService> service) : m_service(std::move(service))
{
}

Result<void> ModelStage::process(StageContext& context)
{
    const QString label = QStringLiteral("Image %1 '%2'").arg(context.jobId).arg(context.title);
    if (context.image.isNull()) {
        return makeError(
            Service::Model, ErrorCode::InvalidInput,
            QStringLiteral("%1: model %2 has no decoded image to run on").arg(label, name()));
    }
    QElapsedTimer timer;
    timer.start();
    const Result<ModelOutput> output = m_service->infer(context.image);
    if (!output) {
        const Error& error = output.error();
        return makeError(Service::Model, error.code,
                         error.code == ErrorCode::InvalidInput
                             ? QStringLiteral("%1: %2").arg(label, error.message)
                             : error.message);
    }
    const Result<QJsonValue> value = format(output.value(), context);
    if (!value) {
        return value.error();
    }
    const ModelManifest& manifest = m_service->manifest();
    context.result.insert(manifest.resultKey, value.value());
    QJsonObject versions = context.result.value(QStringLiteral("model_versions")).toObject();
    versions.insert(manifest.name, manifest.version);
    context.result.insert(QStringLiteral("model_versions"), versions);
    context.result.insert(QStringLiteral("device"), m_service->device());
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    const QString infer = QStringLiteral("infer");
    context.timingsMs.insert(infer, context.timingsMs.value(infer).toDouble() + ms);
    return {};
}

QString ModelStage::version() const
{
    return m_service->version(); // from the manifest, before the weights are loaded
}

Result<QJsonValue> ModelStage::format(const ModelOutput& output, const StageContext& context) const
{
    const ModelManifest& manifest = m_service->manifest();
    switch (manifest.task) {
    case ModelTask::Detect:
        return resultjson::detections(output, manifest, context.image.size());
    case ModelTask::Classify:
        return resultjson::classification(output, manifest);
    }
    return makeError(Service::Model, ErrorCode::Internal,
                     QStringLiteral("model %1: unknown task").arg(name()));
}

} // namespace pixelnest::engine
