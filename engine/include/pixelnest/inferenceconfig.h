#pragma once

#include <QString>

#include <chrono>

namespace pixelnest
{

// How the engine runs its models (DESIGN.md, "Processing"). The defaults suit one CPU box; the
// knobs are Triton's: a model's batch closes at `max_batch_size` requests or after
// `maxBatchDelay`, whichever comes first.
struct InferenceConfig
{
    QString modelsDir;                       // <repo>/<model>/{model.pt,model.json}
    QString device = QStringLiteral("auto"); // auto|cpu|cuda|cuda:N
    // How long the first request of a batch waits for company (--max-batch-delay-ms).
    std::chrono::microseconds maxBatchDelay{5000};
    // 0: each manifest's max_batch_size on CUDA, and at most 2 on the CPU (kCpuBatchCap: larger
    // batches only miss the caches there); else the smaller of it and the manifest's.
    int maxBatchSize = 0;
    int deviceWorkers = 1; // inference workers per model, each with its own model copy
    int torchThreads = 0;  // intra-op threads per worker; 0: every core to each worker
                           // (idealThreadCount / deviceWorkers; see standardpipelines.cpp)
    // glibc only: serve large tensors from the heap and keep freed pages (mallopt M_MMAP_MAX = 0,
    // M_TRIM_THRESHOLD = 1 GiB) for the whole process. Otherwise every forward pass maps and
    // page-faults its 10-70 MB feature maps afresh: measured on the face detector on one
    // thread, 203 -> 169 ms per image at batch 1 and 385 -> 159 ms at batch 8 (kernel time
    // 205 -> 0 ms per image).
    bool keepHeapMemory = true;
};

} // namespace pixelnest
