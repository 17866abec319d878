#pragma once

#include <QString>

namespace pixelnest
{

// How the engine runs its models (DESIGN.md, "Processing"). The defaults suit one CPU box; the
// knobs are Triton's: a model's batch closes at `max_batch_size` requests or after
// `maxBatchDelayUs`, whichever comes first.
struct InferenceOptions
{
    QString modelsDir;                       // <repo>/<model>/{model.pt,model.json}
    QString device = QStringLiteral("auto"); // auto|cpu|cuda|cuda:N
    int maxBatchDelayUs = 5000; // how long the first request of a batch waits for company
    int maxBatchSize = 0;       // 0: each manifest's max_batch_size; else the smaller of the two
    int deviceWorkers = 1;      // inference workers per model, each with its own model copy
    int torchThreads = 0;       // intra-op threads per worker; 0: QThread::idealThreadCount()
};

} // namespace pixelnest
