#pragma once

#include "infer/modelservice.h"
#include "pixelnest/stage.h"

#include <memory>

namespace pixelnest::engine
{

// A pipeline step that runs one model of the repository on the decoded image and writes its
// output under the manifest's result_key ("faces", "moderation", or the user model's name),
// plus "model_versions", "device" and the "infer" timing (the sum over the job's model stages,
// queueing for the batch included). Stages of different pipelines share one ModelService, so
// all jobs of a model meet in the same batches.
class ModelStage final : public Stage
{
public:
    explicit ModelStage(std::shared_ptr<const ModelService> service);

    QString name() const override { return m_service->name(); }
    Result<void> process(StageContext& context) override;
    Result<void> ready() const override { return m_service->ready(); }
    bool loadsOnFirstJob() const override { return !m_service->loaded(); }
    bool loading() const override { return m_service->loading(); }
    QString version() const override;
    const ModelService& service() const { return *m_service; }

private:
    Result<QJsonValue> format(const ModelOutput& output, const StageContext& context) const;

    std::shared_ptr<const ModelService> m_service;
};

} // namespace pixelnest::engine
