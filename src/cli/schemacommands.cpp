#include "cli/schemacommands.h"

#include "cli/exitcodes.h"
#include "cli/session.h"
#include "cli/table.h"
#include "config/engineconfigloader.h"
#include "pixelnest/localstack.h"
#include "pixelnest/redisacl.h"
#include "pixelnest/roles.h"
#include "pixelnest/schema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTextStream>

namespace pixelnest::cli
{

namespace
{

// The PostgreSQL these commands administer: no Redis, no namespace, no schema check (they are
// what fixes the schema). The local stack is started when it is the one chosen.
Result<QString> postgresToAdminister(const CommandLine& line)
{
    const Result<ConnectionConfig> config =
        loadConnectionConfig(line.connection, QProcessEnvironment::systemEnvironment(),
                             line.configFile, LocalStack::defaultDir());
    if (!config) {
        return config.error();
    }
    if (config->usesLocalStack()) {
        if (Result<void> up = LocalStack(QString()).up(); !up) {
            return up.error();
        }
    }
    return config->postgres;
}

int dryRun(const CommandLine& line, const QString& conninfo)
{
    const Result<SchemaStatus> status = readSchemaStatus(conninfo);
    if (!status) {
        return reportError(line, status.error());
    }
    const Result<QString> sql = status->pending.isEmpty() ? Result<QString>(QString())
                                                          : pendingMigrationSql(status.value());
    if (!sql) {
        return reportError(line, sql.error());
    }
    if (line.isSet(QStringLiteral("json"))) {
        printJson(
            QJsonDocument(QJsonObject{{QStringLiteral("schema_version"), status->current},
                                      {QStringLiteral("needed"), status->needed},
                                      {QStringLiteral("pending"), int(status->pending.size())},
                                      {QStringLiteral("sql"), sql.value()}}));
        return kExitOk;
    }
    if (status->pending.isEmpty()) {
        QTextStream(stdout) << "schema is at " << status->current << ": nothing to migrate\n";
        return kExitOk;
    }
    QTextStream(stdout) << "-- schema is at " << status->current << "; `pixelnest migrate` "
                        << "would apply " << status->pending.size() << " migration(s) to reach "
                        << status->needed << ":\n"
                        << sql.value();
    return kExitOk;
}

int grant(const CommandLine& line, const QString& conninfo)
{
    const QString login = line.arguments.value(1);
    const std::optional<Role> role = grantableRole(line.arguments.value(2));
    if (line.arguments.size() != 3 || login.isEmpty() || !role) {
        return reportError(line, makeError(ErrorCode::InvalidInput,
                                           QStringLiteral("usage: pixelnest roles grant LOGIN "
                                                          "viewer|operator|admin|engine")));
    }
    const Result<Role> previous = grantRole(conninfo, login, *role);
    if (!previous) {
        return reportError(line, previous.error());
    }
    if (line.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("changed"), QJsonArray{login}},
                                            {QStringLiteral("skipped"), QJsonArray()},
                                            {QStringLiteral("from"), roleName(previous.value())},
                                            {QStringLiteral("to"), roleName(*role)}}));
    } else {
        QTextStream(stdout) << login << ": " << roleName(previous.value()) << " -> "
                            << roleName(*role) << '\n';
    }
    return kExitOk;
}

} // namespace

int runMigrateCommand(const CommandLine& line)
{
    if (!line.arguments.isEmpty()) {
        return reportError(
            line, makeError(ErrorCode::InvalidInput, QStringLiteral("migrate takes no arguments")));
    }
    const Result<QString> conninfo = postgresToAdminister(line);
    if (!conninfo) {
        return reportError(line, conninfo.error());
    }
    if (line.isSet(QStringLiteral("dry-run"))) {
        return dryRun(line, conninfo.value());
    }
    const Result<SchemaStatus> before = readSchemaStatus(conninfo.value());
    if (!before) {
        return reportError(line, before.error());
    }
    const Result<int> applied = applyMigrations(conninfo.value());
    if (!applied) {
        return reportError(line, applied.error());
    }
    const Result<SchemaStatus> status = readSchemaStatus(conninfo.value());
    if (!status) {
        return reportError(line, status.error());
    }
    if (line.isSet(QStringLiteral("json"))) {
        // DESIGN.md's {"changed", "skipped"}: the migrations applied, by name.
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("changed"), QJsonArray::fromStringList(before->pending)},
                        {QStringLiteral("skipped"), QJsonArray()},
                        {QStringLiteral("schema_version"), status->current}}));
    } else {
        QTextStream(stdout) << "applied " << applied.value() << " migration(s): schema is at "
                            << status->current << '\n';
    }
    return kExitOk;
}

int runRolesCommand(const CommandLine& line)
{
    const QString action = line.arguments.value(0);
    if (action != QLatin1String("init") && action != QLatin1String("grant")) {
        return reportError(line, makeError(ErrorCode::InvalidInput,
                                           QStringLiteral("expected `roles init` or `roles grant "
                                                          "LOGIN ROLE`")));
    }
    const Result<QString> conninfo = postgresToAdminister(line);
    if (!conninfo) {
        return reportError(line, conninfo.error());
    }
    if (action == QLatin1String("grant")) {
        return grant(line, conninfo.value());
    }
    if (line.arguments.size() != 1) {
        return reportError(line, makeError(ErrorCode::InvalidInput,
                                           QStringLiteral("roles init takes no arguments")));
    }
    if (Result<void> done = initRoles(conninfo.value()); !done) {
        return reportError(line, done.error());
    }
    QString acl;
    if (line.isSet(QStringLiteral("redis-acl"))) {
        const Result<EngineConfig> settings = loadEngineConfig(line);
        if (!settings) {
            return reportError(line, settings.error());
        }
        acl = redisAclScript(settings->service.ns);
    }
    const QStringList roles{QStringLiteral("pixelnest_viewer"),
                            QStringLiteral("pixelnest_operator"), QStringLiteral("pixelnest_admin"),
                            QStringLiteral("pixelnest_engine")};
    if (line.isSet(QStringLiteral("json"))) {
        QJsonObject done{{QStringLiteral("changed"), QJsonArray::fromStringList(roles)},
                         {QStringLiteral("skipped"), QJsonArray()}};
        if (!acl.isEmpty()) {
            done.insert(QStringLiteral("redis_acl"), acl);
        }
        printJson(QJsonDocument(done));
        return kExitOk;
    }
    QTextStream(stdout) << "roles ready: " << roles.join(QStringLiteral(", "))
                        << "\ngive a login one with `pixelnest roles grant LOGIN ROLE`\n";
    if (!acl.isEmpty()) {
        QTextStream(stdout) << '\n' << acl;
    }
    return kExitOk;
}

} // namespace pixelnest::cli
