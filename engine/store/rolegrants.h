#pragma once

#include "pixelnest/roles.h"
#include "store/pgconnection.h"

namespace pixelnest::engine
{

// Whether roles.sql has run in this cluster (pixelnest_viewer exists).
Result<bool> rolesInitialised(PgConnection& connection);

// Runs roles.sql (idempotent): the roles where missing, their grants and row policies.
Result<void> applyRoleGrants(PgConnection& connection);

// session_user and the role it acts as (pixelnest_role_of, migration 0005).
Result<LoginIdentity> loginIdentity(PgConnection& connection);

Role roleFromName(const QString& name);

// PostgreSQL's "permission denied for function ..." (42501) becomes "permission denied: alice
// (viewer) cannot cancel jobs"; any other error passes unchanged.
Error explainRefusal(PgConnection& connection, const Error& error,
                     AdminAction action); // as pixelnest_role_of spells it; None if unknown

} // namespace pixelnest::engine
