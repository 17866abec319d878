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
        // The embedded stack is this build's own: it migrates itself.
        if (Result<void> up = LocalStack(localStackDir).up(); !up) {
            return up;
        }
        if (Result<int> migrated = applyMigrations(config.postgres); !migrated) {
            return migrated.error();
        }
    } else if (Result<void> current = checkSchema(config.postgres); !current) {
        // Anywhere else only `pixelnest migrate` runs DDL, as the owner: a viewer's or an
        // engine's login could not, and should not try.
        return current;
    }
    return engine::checkNamespaceBinding(config, ns);
}

} // namespace pixelnest
