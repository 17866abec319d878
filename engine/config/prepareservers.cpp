#include "pixelnest/prepareservers.h"

#include "config/namespacebinding.h"
#include "pixelnest/localstack.h"
#include "pixelnest/schema.h"

namespace pixelnest
{

Result<void> prepareServers(const ConnectionConfig& config, const QString& ns,
                            const QString& localStackDir)
{
    if (config.usesLocalStack()) {
        if (Result<void> up = LocalStack(localStackDir).up(); !up) {
            return up;
        }
    }
    if (Result<int> migrated = applyMigrations(config.postgres); !migrated) {
        return migrated.error();
    }
    return engine::checkNamespaceBinding(config, ns);
}

} // namespace pixelnest
