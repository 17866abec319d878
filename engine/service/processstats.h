#pragma once

#include <QString>
#include <QtGlobal>

namespace pixelnest::engine
{

// What a heartbeat says about the process and its host: "is this box OK?" at a glance.
struct ProcessSample
{
    qint64 rssBytes = 0;
    double cpuPercent = 0; // of one core, since the previous sample (200 = two cores busy)
    double load1 = 0;      // the host's one-minute load average
};

// Samples CPU time between calls; one per heartbeat thread.
class ProcessSampler final
{
public:
    ProcessSample sample();

private:
    qint64 m_lastCpuUs = -1;
    qint64 m_lastWallUs = 0;
};

// The host's CPU model ("Intel(R) Xeon(R) ..."), for a CPU engine's device name.
QString cpuModelName();

// GPU memory used and total of CUDA device `index`, from the driver's NVML (loaded at run time:
// no build dependency, nothing on a machine without an NVIDIA driver). False when unknown.
bool gpuMemory(int index, qint64& usedBytes, qint64& totalBytes);

} // namespace pixelnest::engine
