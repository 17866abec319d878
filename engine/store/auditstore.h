#pragma once

#include "pixelnest/audit.h"
#include "pixelnest/result.h"
#include "store/pgconnection.h"

namespace pixelnest::engine
{

// Reads the audit trail. Rows are written only by the SECURITY DEFINER functions of migration
// 0005, never from here: nothing in this program can forge or edit one.
class AuditStore final
{
public:
    explicit AuditStore(PgConnection& connection) : m_db(connection) {}

    // Newest first. An engine's login is refused: "permission denied: ... cannot read the
    // audit log".
    Result<QList<AuditEntry>> list(const AuditQuery& query);

private:
    PgConnection& m_db;
};

} // namespace pixelnest::engine
