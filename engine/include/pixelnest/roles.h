#pragma once

#include "pixelnest/result.h"

#include <QString>

namespace pixelnest
{

// The Pixelnest role a PostgreSQL login acts as (roles.sql). PostgreSQL enforces them; this
// enum only names them, for messages, the status bar and which actions the console enables.
enum class Role
{
    None,     // a login with none of the roles: can read nothing
    Viewer,   // reads jobs, results, thumbnails, stats, audit
    Engine,   // claims and writes results
    Operator, // + submit, priority, cancel, reprocess
    Admin,    // + role management (and purge)
    Owner,    // the schema's owner or a superuser: everything, migrations included
};

QString roleName(Role role); // "viewer", ..., "owner", "none"
// "viewer" | "operator" | "admin" | "engine"; nullopt for anything else.
std::optional<Role> grantableRole(const QString& name);

// What people do, for "permission denied: alice (viewer) cannot cancel jobs".
enum class AdminAction
{
    Submit,
    SetPriority,
    Cancel,
    Reprocess,
    ReprocessFailed,
    ManageRoles,
    ReadAudit,
    ControlDispatch, // pause, resume, drain
    RetryNow,
    Purge, // purge and the retention policy
    DeleteJobs,
};

QString actionPhrase(AdminAction action); // "submit jobs", "cancel jobs", ...

// Mirrors roles.sql, so that the console greys out what the server would refuse.
bool roleMay(Role role, AdminAction action);

struct LoginIdentity
{
    QString login; // session_user
    Role role = Role::None;
};

// The PermissionDenied error for `action`, naming the login and its role.
Error permissionDenied(const LoginIdentity& who, AdminAction action);

// `pixelnest roles init`: creates the four group roles where missing and (re)applies their
// grants and row policies. Needs the schema's owner with CREATEROLE (or a superuser).
Result<void> initRoles(const QString& conninfo);

// `pixelnest roles grant LOGIN ROLE`: gives `login` exactly `role`, audited; returns the role
// it had. Only admins and the owner may.
Result<Role> grantRole(const QString& conninfo, const QString& login, Role role);

} // namespace pixelnest
