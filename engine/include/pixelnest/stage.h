#pragma once

#include "pixelnest/result.h"

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace pixelnest
{

// What a pipeline stage reads and writes for one job. Stages run on a pool thread, one job at a
// time per context; a stage that batches across jobs (inference) blocks here until its batch
// has run.
struct StageContext
{
    qint64 jobId = 0;
    QString title;
    QString format;       // sniffed at submit time
    QByteArray bytes;     // the original upload
    QImage image;         // set by the decode stage (EXIF orientation applied)
    QJsonObject result;   // the result JSON being built (DESIGN.md's shape)
    QByteArray thumbnail; // encoded, for the console
    QByteArray anonymised;
    QJsonObject timingsMs; // stage name -> milliseconds
};

// One step of a pipeline. Return ErrorCode::InvalidInput for a permanent failure of this job
// (corrupt image: not retried) and ErrorCode::Unavailable for a transient one (a service or
// device problem: retried with backoff). Never throw: catch at the stage boundary.
class Stage
{
public:
    virtual ~Stage() = default;
    virtual QString name() const = 0;
    virtual Result<void> process(StageContext& context) = 0;
    // Readiness: a stage that needs a model says here why it cannot run.
    virtual Result<void> ready() const { return {}; }
    // Whether its first job will load something first (a model, libtorch): /readyz says so.
    virtual bool loadsOnFirstJob() const { return false; }
    // Whether that load is under way now (the console's status bar says "loading models").
    virtual bool loading() const { return false; }
    // What its results depend on beyond the code, such as a model's version: engines that
    // share a namespace compare it. Empty for the built-in stages.
    virtual QString version() const { return {}; }
};

using StagePtr = std::shared_ptr<Stage>;

struct Pipeline
{
    QString name;
    std::vector<StagePtr> stages;
};

} // namespace pixelnest
