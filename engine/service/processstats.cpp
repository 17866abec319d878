#include "service/processstats.h"

#include <QFile>

#include <dlfcn.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace pixelnest::engine
{

namespace
{

qint64 microseconds(const timeval& time)
{
    return qint64(time.tv_sec) * 1000'000 + time.tv_usec;
}

qint64 residentBytes()
{
    // statm: size resident shared ... in pages.
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * sysconf(_SC_PAGESIZE);
}

} // namespace

ProcessSample ProcessSampler::sample()
{
    ProcessSample sample;
    sample.rssBytes = residentBytes();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const qint64 cpuUs = microseconds(usage.ru_utime) + microseconds(usage.ru_stime);
    const qint64 wallUs = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count();
    if (m_lastCpuUs >= 0 && wallUs > m_lastWallUs) {
        sample.cpuPercent = 100.0 * double(cpuUs - m_lastCpuUs) / double(wallUs - m_lastWallUs);
    }
    m_lastCpuUs = cpuUs;
    m_lastWallUs = wallUs;
    double load[1] = {0};
    if (getloadavg(load, 1) == 1) {
        sample.load1 = load[0];
    }
    return sample;
}

QString cpuModelName()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly)) {
        return {};
    }
    for (const QByteArray& line : cpuinfo.readAll().split('\n')) {
        if (line.startsWith("model name")) {
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return {};
}

bool gpuMemory(int index, qint64& usedBytes, qint64& totalBytes)
{
    // NVML's ABI, as nvml.h declares it (the _v2 entry points exist since driver 270).
    struct NvmlMemory
    {
        unsigned long long total;
        unsigned long long free;
        unsigned long long used;
    };
    using Init = int (*)();
    using ByIndex = int (*)(unsigned int, void**);
    using MemoryInfo = int (*)(void*, NvmlMemory*);
    static void* library = dlopen("libnvidia-ml.so.1", RTLD_LAZY | RTLD_LOCAL);
    if (library == nullptr) {
        return false;
    }
    static const bool initialised = [] {
        auto init = reinterpret_cast<Init>(dlsym(library, "nvmlInit_v2"));
        return init != nullptr && init() == 0;
    }();
    auto byIndex = reinterpret_cast<ByIndex>(dlsym(library, "nvmlDeviceGetHandleByIndex_v2"));
    auto memoryInfo = reinterpret_cast<MemoryInfo>(dlsym(library, "nvmlDeviceGetMemoryInfo"));
    void* device = nullptr;
    NvmlMemory memory{};
    if (!initialised || byIndex == nullptr || memoryInfo == nullptr ||
        byIndex(unsigned(index), &device) != 0 || memoryInfo(device, &memory) != 0) {
        return false;
    }
    usedBytes = qint64(memory.used);
    totalBytes = qint64(memory.total);
    return true;
}

} // namespace pixelnest::engine
