#include "store/rolegrants.h"

#include <QFile>

namespace pixelnest
{

using engine::PgConnection;
using engine::PgResult;

QString roleName(Role role)
{
    switch (role) {
    case Role::None:
        return QStringLiteral("none");
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Engine:
        return QStringLiteral("engine");
    case Role::Operator:
        return QStringLiteral("operator");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Owner:
        return QStringLiteral("owner");
    }
    return QStringLiteral("none");
}

std::optional<Role> grantableRole(const QString& name)
{
    for (Role role : {Role::Viewer, Role::Operator, Role::Admin, Role::Engine}) {
        if (name == roleName(role)) {
            return role;
        }
    }
    return std::nullopt;
}

QString actionPhrase(AdminAction action)
{
    switch (action) {
    case AdminAction::Submit:
        return QStringLiteral("submit jobs");
    case AdminAction::SetPriority:
        return QStringLiteral("change priorities");
    case AdminAction::Cancel:
        return QStringLiteral("cancel jobs");
    case AdminAction::Reprocess:
        return QStringLiteral("reprocess jobs");
    case AdminAction::ReprocessFailed:
        return QStringLiteral("reprocess all failed jobs");
    case AdminAction::ManageRoles:
        return QStringLiteral("manage roles");
    case AdminAction::ReadAudit:
        return QStringLiteral("read the audit log");
    case AdminAction::ControlDispatch:
        return QStringLiteral("pause, resume or drain engines");
    case AdminAction::RetryNow:
        return QStringLiteral("retry jobs now");
    case AdminAction::Purge:
        return QStringLiteral("purge jobs");
    case AdminAction::DeleteJobs:
        return QStringLiteral("delete jobs");
    }
    return {};
}

bool roleMay(Role role, AdminAction action)
{
    switch (action) {
    case AdminAction::ReadAudit:
        return role == Role::Viewer || role == Role::Operator || role == Role::Admin ||
               role == Role::Owner;
    case AdminAction::ManageRoles:
    case AdminAction::Purge:
    case AdminAction::DeleteJobs:
        return role == Role::Admin || role == Role::Owner;
    case AdminAction::Submit:
    case AdminAction::SetPriority:
    case AdminAction::Cancel:
    case AdminAction::Reprocess:
    case AdminAction::ReprocessFailed:
    case AdminAction::ControlDispatch:
    case AdminAction::RetryNow:
        return role == Role::Operator || role == Role::Admin || role == Role::Owner;
    }
    return false;
}

Error permissionDenied(const LoginIdentity& who, AdminAction action)
{
    return makeError(Service::PostgreSQL, ErrorCode::PermissionDenied,
                     QStringLiteral("permission denied: %1 (%2) cannot %3")
                         .arg(who.login, roleName(who.role), actionPhrase(action)));
}

Result<void> initRoles(const QString& conninfo)
{
    PgConnection connection;
    if (Result<void> opened = connection.open(conninfo); !opened) {
        return opened;
    }
    return engine::applyRoleGrants(connection);
}

Result<Role> grantRole(const QString& conninfo, const QString& login, Role role)
{
    PgConnection connection;
    if (Result<void> opened = connection.open(conninfo); !opened) {
        return opened.error();
    }
    const Result<PgResult> previous = connection.exec("SELECT pixelnest_grant_role($1, $2)",
                                                      {login.toUtf8(), roleName(role).toUtf8()});
    if (!previous) {
        return engine::explainRefusal(connection, previous.error(), AdminAction::ManageRoles);
    }
    return engine::roleFromName(previous->text(0, 0));
}

namespace engine
{

Result<bool> rolesInitialised(PgConnection& connection)
{
    const Result<PgResult> exists =
        connection.exec("SELECT count(*) FROM pg_roles WHERE rolname = 'pixelnest_viewer'");
    if (!exists) {
        return exists.error();
    }
    return exists->integer(0, 0) > 0;
}

Result<void> applyRoleGrants(PgConnection& connection)
{
    QFile file(QStringLiteral(":/pixelnest/roles/roles.sql"));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Service::PostgreSQL, ErrorCode::Internal,
                         QStringLiteral("roles.sql is missing from this build"));
    }
    // One transaction: the roles and every grant, or none of them.
    const Result<void> applied = connection.execScript("BEGIN;\n" + file.readAll() + "\nCOMMIT;");
    if (!applied && applied.error().code == ErrorCode::PermissionDenied) {
        return makeError(Service::PostgreSQL, ErrorCode::PermissionDenied,
                         QStringLiteral("permission denied: roles init needs the schema's owner "
                                        "with CREATEROLE, or a superuser (%1)")
                             .arg(applied.error().message));
    }
    return applied;
}

Result<LoginIdentity> loginIdentity(PgConnection& connection)
{
    const Result<PgResult> row =
        connection.exec("SELECT session_user, pixelnest_role_of(session_user)");
    if (!row) {
        return row.error();
    }
    return LoginIdentity{row->text(0, 0), roleFromName(row->text(0, 1))};
}

Error explainRefusal(PgConnection& connection, const Error& error, AdminAction action)
{
    if (error.code != ErrorCode::PermissionDenied) {
        return error;
    }
    const Result<LoginIdentity> who = loginIdentity(connection);
    return who ? permissionDenied(who.value(), action) : error;
}

Role roleFromName(const QString& name)
{
    if (name == QLatin1String("owner")) {
        return Role::Owner;
    }
    return grantableRole(name).value_or(Role::None);
}

} // namespace engine

} // namespace pixelnest
