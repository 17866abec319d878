#include "infer/torchruntime.h"

#include "infer/torchbackend.h"

#include <QFile>
#include <QFileInfo>
#include <mutex>

#include <dlfcn.h>

namespace pixelnest::engine
{

namespace
{

// The module built beside this binary when it runs from the build tree, else the installed
// one; PIXELNEST_TORCH_MODULE overrides both (packaging checks, a relocated install).
QString modulePath()
{
    if (const QByteArray forced = qgetenv("PIXELNEST_TORCH_MODULE"); !forced.isEmpty()) {
        return QString::fromLocal8Bit(forced);
    }
    const QString self = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    const QString buildTree = QStringLiteral(PIXELNEST_BUILD_DIR);
    if (!self.isEmpty() && self.startsWith(buildTree + QLatin1Char('/'))) {
        return QStringLiteral(PIXELNEST_TORCH_MODULE_BUILT);
    }
    return QStringLiteral(PIXELNEST_TORCH_MODULE_INSTALLED);
}

Error moduleError(const QString& reason)
{
    return makeError(Service::Model, ErrorCode::Unavailable,
                     QStringLiteral("the inference module could not be loaded (%1): reinstall "
                                    "pixelnest or point PIXELNEST_TORCH_MODULE at "
                                    "libpixelnest_torch.so")
                         .arg(reason));
}

struct LoadedModule
{
    TorchBackend* backend = nullptr;
    Error error;
};

const LoadedModule& loaded()
{
    static LoadedModule module;
    static std::once_flag once;
    std::call_once(once, [] {
        const QString path = modulePath();
        // dlopen, not QLibrary: the exact file, and dlerror's own reason when it fails. Never
        // closed: models, threads and allocator state of libtorch live until exit.
        void* handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
        const auto entry =
            handle == nullptr
                ? nullptr
                : reinterpret_cast<TorchBackendEntry>(dlsym(handle, kTorchBackendEntry));
        if (entry == nullptr) {
            module.error = moduleError(QString::fromLocal8Bit(dlerror()));
            return;
        }
        module.backend = entry();
    });
    return module;
}

} // namespace

Result<void> TorchRuntime::checkInstalled()
{
    const QString path = modulePath();
    if (!QFileInfo(path).isFile()) {
        return moduleError(QStringLiteral("%1: No such file").arg(path));
    }
    return {};
}

Result<DeviceSpec> TorchRuntime::resolve(const DeviceSpec& requested)
{
    const LoadedModule& module = loaded();
    if (module.backend == nullptr) {
        return module.error;
    }
    return module.backend->resolve(requested);
}

void TorchRuntime::configureThread(int threads)
{
    if (TorchBackend* backend = loaded().backend) {
        backend->configureThread(threads);
    }
}

void TorchRuntime::keepHeapMemory()
{
    if (TorchBackend* backend = loaded().backend) {
        backend->keepHeapMemory();
    }
}

bool TorchRuntime::cudaStreamsCompiled()
{
    TorchBackend* backend = loaded().backend;
    return backend != nullptr && backend->cudaStreamsCompiled();
}

QString TorchRuntime::describe()
{
    const LoadedModule& module = loaded();
    return module.backend != nullptr ? module.backend->describe() : module.error.message;
}

Result<std::unique_ptr<TorchModel>> TorchModel::load(const QString& path, const DeviceSpec& device,
                                                     MemoryFormat format)
{
    const LoadedModule& module = loaded();
    if (module.backend == nullptr) {
        return module.error;
    }
    return module.backend->load(path, device, format);
}

} // namespace pixelnest::engine
