// Who may do what, through the real binary against the real PostgreSQL: every CLI action as
// every role. Allowed → done and audited under that login; refused → exit 5 with the login, its
// role and the action named, nothing changed, nothing audited.
#include "cliprocess.h"
#include "queue/redisclient.h"
#include "queue/redisurl.h"
#include "store/pgconnection.h"
#include "testimages.h"
#include "teststack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pixelnest;
using engine::PgConnection;
using engine::PgResult;
using test::CliRun;
using test::runPixelnest;

namespace
{

QString conninfoAs(QString conninfo, const QString& login)
{
    return conninfo.replace(QStringLiteral("user=pixelnest"), QStringLiteral("user=") + login);
}

} // namespace

class TestRoles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_conninfo = test::createScratchDatabase();
        m_namespace = QStringLiteral("roles") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        QVERIFY(m_owner.open(m_conninfo));
        QVERIFY(m_files.isValid());
        m_image =
            test::writeFile(m_files.path(), QStringLiteral("one.png"), test::encodedImage(16, 16));
        // Logins are cluster-wide: unique names, dropped at the end.
        const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(6);
        for (const QString& role : {QStringLiteral("viewer"), QStringLiteral("operator"),
                                    QStringLiteral("admin"), QStringLiteral("engine")}) {
            const QString login = QStringLiteral("t%1_%2").arg(suffix, role);
            QVERIFY(m_owner.exec("CREATE ROLE " + login.toUtf8() + " LOGIN"));
            m_logins.insert(role, login);
        }
        m_outsider = QStringLiteral("t%1_none").arg(suffix);
        QVERIFY(m_owner.exec("CREATE ROLE " + m_outsider.toUtf8() + " LOGIN"));
        QCOMPARE(asOwner({QStringLiteral("roles"), QStringLiteral("init")}).exitCode, 0);
        for (auto it = m_logins.cbegin(); it != m_logins.cend(); ++it) {
            const CliRun granted =
                asOwner({QStringLiteral("roles"), QStringLiteral("grant"), it.value(), it.key()});
            QVERIFY2(granted.exitCode == 0, qPrintable(granted.err));
            QCOMPARE(granted.out.trimmed(), it.value() + QStringLiteral(": none -> ") + it.key());
        }
    }

    void cleanupTestCase()
    {
        m_owner.close();
        PgConnection server;
        QVERIFY(server.open(test::postgresConninfo()));
        QVERIFY(server.exec("DROP DATABASE " +
                            m_conninfo.section(QStringLiteral("dbname="), 1)
                                .section(QLatin1Char(' '), 0, 0)
                                .toUtf8() +
                            " WITH (FORCE)"));
        for (const QString& login : m_logins.values() + QStringList{m_outsider}) {
            QVERIFY(server.exec("DROP ROLE " + login.toUtf8()));
        }
    }

    void everyActionAsEveryRole_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("allowed");
        const QStringList roles{QStringLiteral("viewer"), QStringLiteral("operator"),
                                QStringLiteral("admin"), QStringLiteral("engine")};
        // action → the roles that may
        const QList<QPair<QString, QStringList>> actions{
            {QStringLiteral("submit"), {QStringLiteral("operator"), QStringLiteral("admin")}},
            {QStringLiteral("priority"), {QStringLiteral("operator"), QStringLiteral("admin")}},
            {QStringLiteral("cancel"), {QStringLiteral("operator"), QStringLiteral("admin")}},
            {QStringLiteral("reprocess"), {QStringLiteral("operator"), QStringLiteral("admin")}},
            {QStringLiteral("reprocess-all-failed"),
             {QStringLiteral("operator"), QStringLiteral("admin")}},
            {QStringLiteral("role change"), {QStringLiteral("admin")}},
            {QStringLiteral("pause"), {QStringLiteral("operator"), QStringLiteral("admin")}},
            {QStringLiteral("purge"), {QStringLiteral("admin")}},
            {QStringLiteral("read jobs"),
             {QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("admin"),
              QStringLiteral("engine")}},
            {QStringLiteral("read audit"),
             {QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("admin")}},
        };
        for (const auto& [action, allowedRoles] : actions) {
            for (const QString& role : roles) {
                QTest::addRow("%s as %s", qPrintable(action), qPrintable(role))
                    << role << action << allowedRoles.contains(role);
            }
        }
    }

    void everyActionAsEveryRole()
    {
        QFETCH(QString, role);
        QFETCH(QString, action);
        QFETCH(bool, allowed);
        const QString login = m_logins.value(role);
        // A fresh job in the state the action needs, made by the owner (not audited).
        const bool finished = action == QLatin1String("reprocess") ||
                              action == QLatin1String("reprocess-all-failed") ||
                              action == QLatin1String("purge");
        const qint64 job = insertJob(finished ? "failed" : "queued");
        if (action == QLatin1String("purge")) { // finished long ago: the one a purge takes
            QVERIFY(m_owner.exec("UPDATE images SET finished_at = now() - interval '4000 days' "
                                 "WHERE id = " +
                                 QByteArray::number(job)));
        }
        const QString id = QString::number(job);
        const qint64 auditBefore = count("SELECT count(*) FROM audit_log");
        const qint64 jobsBefore = count("SELECT count(*) FROM images");

        QStringList arguments;
        QString phrase;        // in "cannot <phrase>"
        QString auditedAction; // empty: a read, never audited
        if (action == QLatin1String("submit")) {
            arguments = {QStringLiteral("submit"), QStringLiteral("--pipeline"),
                         QStringLiteral("noop"), m_image};
            phrase = QStringLiteral("submit jobs");
            auditedAction = action;
        } else if (action == QLatin1String("priority")) {
            arguments = {QStringLiteral("priority"), QStringLiteral("7"), id};
            phrase = QStringLiteral("change priorities");
            auditedAction = action;
        } else if (action == QLatin1String("cancel")) {
            arguments = {QStringLiteral("cancel"), id};
            phrase = QStringLiteral("cancel jobs");
            auditedAction = action;
        } else if (action == QLatin1String("reprocess")) {
            arguments = {QStringLiteral("reprocess"), id};
            phrase = QStringLiteral("reprocess jobs");
            auditedAction = action;
        } else if (action == QLatin1String("reprocess-all-failed")) {
            arguments = {QStringLiteral("reprocess"), QStringLiteral("--failed")};
            phrase = QStringLiteral("reprocess all failed jobs");
            auditedAction = action;
        } else if (action == QLatin1String("role change")) {
            arguments = {QStringLiteral("roles"), QStringLiteral("grant"), m_outsider,
                         QStringLiteral("viewer")};
            phrase = QStringLiteral("manage roles");
            auditedAction = action;
        } else if (action == QLatin1String("pause")) {
            arguments = {QStringLiteral("pause"), QStringLiteral("--pipeline"),
                         QStringLiteral("noop")};
            phrase = QStringLiteral("pause, resume or drain engines");
            auditedAction = action;
        } else if (action == QLatin1String("purge")) {
            arguments = {QStringLiteral("purge"), QStringLiteral("--older-than"),
                         QStringLiteral("3650d"), QStringLiteral("--status"),
                         QStringLiteral("failed")};
            phrase = QStringLiteral("purge jobs");
            auditedAction = action;
        } else if (action == QLatin1String("read jobs")) {
            arguments = {QStringLiteral("jobs"), QStringLiteral("--json")};
        } else {
            arguments = {QStringLiteral("audit"), QStringLiteral("--json")};
            phrase = QStringLiteral("read the audit log");
        }

        const CliRun run = runAs(login, arguments);
        if (!allowed) {
            QCOMPARE(run.exitCode, 5);
            QVERIFY2(run.err.contains(QStringLiteral("permission denied: %1 (%2) cannot %3")
                                          .arg(login, role, phrase)),
                     qPrintable(run.err));
            QCOMPARE(count("SELECT count(*) FROM audit_log"), auditBefore);
            QCOMPARE(count("SELECT count(*) FROM images"), jobsBefore);
            QCOMPARE(text("SELECT status || ':' || priority FROM images WHERE id = " + id.toUtf8()),
                     QString::fromLatin1(finished ? "failed:0" : "queued:0"));
            QCOMPARE(text("SELECT pixelnest_role_of('" + m_outsider.toUtf8() + "')"),
                     QStringLiteral("none"));
            QCOMPARE(pausedPipelines(), QJsonArray()); // Redis untouched too
            // Out of the next role's purge, which must find only its own job.
            QVERIFY(m_owner.exec("UPDATE images SET finished_at = NULL WHERE id = " + id.toUtf8()));
            return;
        }
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        if (auditedAction.isEmpty()) {
            QCOMPARE(count("SELECT count(*) FROM audit_log"), auditBefore);
            QVERIFY(QJsonDocument::fromJson(run.out.toUtf8()).isArray());
            return;
        }
        // Exactly one new audit row, under this login and role, naming what changed.
        QCOMPARE(count("SELECT count(*) FROM audit_log"), auditBefore + 1);
        const QJsonObject entry = newestAuditEntry();
        QCOMPARE(entry.value(QStringLiteral("login")).toString(), login);
        QCOMPARE(entry.value(QStringLiteral("role")).toString(), role);
        QCOMPARE(entry.value(QStringLiteral("action")).toString(), auditedAction);
        QVERIFY2(
            entry.value(QStringLiteral("client"))
                .toString()
                .startsWith(QStringLiteral("pixelnest ") + arguments.first() + QLatin1Char('@')),
            qPrintable(entry.value(QStringLiteral("client")).toString()));
        const QJsonArray ids = entry.value(QStringLiteral("ids")).toArray();
        const QJsonObject old = entry.value(QStringLiteral("old")).toObject();
        const QJsonObject next = entry.value(QStringLiteral("new")).toObject();
        if (action == QLatin1String("submit")) {
            QCOMPARE(count("SELECT count(*) FROM images"), jobsBefore + 1);
            const QString newId = QString::number(qint64(ids.first().toDouble()));
            QCOMPARE(text("SELECT submitted_by FROM images WHERE id = " + newId.toUtf8()), login);
            QCOMPARE(next.value(newId).toObject().value(QStringLiteral("pipeline")).toString(),
                     QStringLiteral("noop"));
        } else if (action == QLatin1String("priority")) {
            QCOMPARE(ids, QJsonArray{job});
            QCOMPARE(old.value(id).toInt(), 0);
            QCOMPARE(next.value(QStringLiteral("priority")).toInt(), 7);
            QCOMPARE(text("SELECT priority FROM images WHERE id = " + id.toUtf8()),
                     QStringLiteral("7"));
        } else if (action == QLatin1String("cancel")) {
            QCOMPARE(ids, QJsonArray{job});
            QCOMPARE(old.value(id).toString(), QStringLiteral("queued"));
            QCOMPARE(next.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        } else if (action == QLatin1String("reprocess")) {
            QCOMPARE(ids, QJsonArray{job});
            QCOMPARE(old.value(id).toString(), QStringLiteral("failed"));
            QCOMPARE(text("SELECT status FROM images WHERE id = " + id.toUtf8()),
                     QStringLiteral("queued"));
        } else if (action == QLatin1String("reprocess-all-failed")) {
            QVERIFY(ids.contains(job));
            QCOMPARE(entry.value(QStringLiteral("filter")).toObject(),
                     (QJsonObject{{QStringLiteral("status"), QStringLiteral("failed")}}));
            QCOMPARE(entry.value(QStringLiteral("count")).toInt(), ids.size());
            QCOMPARE(count("SELECT count(*) FROM images WHERE status = 'failed'"), 0);
        } else if (action == QLatin1String("role change")) {
            QCOMPARE(text("SELECT pixelnest_role_of('" + m_outsider.toUtf8() + "')"),
                     QStringLiteral("viewer"));
            QCOMPARE(old.value(QStringLiteral("role")).toString(), QStringLiteral("none"));
            QCOMPARE(next.value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
            QVERIFY(m_owner.exec("REVOKE pixelnest_viewer FROM " + m_outsider.toUtf8()));
        } else if (action == QLatin1String("purge")) {
            QCOMPARE(ids, QJsonArray{job});
            QCOMPARE(count("SELECT count(*) FROM images WHERE id = " + id.toUtf8()), 0);
        } else if (action == QLatin1String("pause")) {
            QCOMPARE(entry.value(QStringLiteral("filter")).toObject(),
                     (QJsonObject{{QStringLiteral("pipeline"), QStringLiteral("noop")}}));
            QCOMPARE(pausedPipelines(), QJsonArray{QStringLiteral("noop")});
            QCOMPARE(asOwner({QStringLiteral("resume")}).exitCode, 0);
            QCOMPARE(pausedPipelines(), QJsonArray());
        }
    }

    // The trail is append-only for everyone but the owner, and engines cannot cancel even by
    // writing the column they may write.
    void noLoginCanRewriteHistoryOrCancelBehindTheFunctions()
    {
        const qint64 job = insertJob("queued");
        for (const QString& role : m_logins.keys()) {
            PgConnection session;
            QVERIFY(session.open(conninfoAs(m_conninfo, m_logins.value(role))));
            for (const QByteArray& sql :
                 {QByteArray("UPDATE audit_log SET login = 'x'"),
                  QByteArray("DELETE FROM audit_log"),
                  QByteArray("INSERT INTO audit_log (login, role, client, action, count) "
                             "VALUES ('x', 'x', 'x', 'x', 1)"),
                  QByteArray("UPDATE images SET submitted_by = 'mallory'"),
                  QByteArray("DELETE FROM images"),
                  "UPDATE images SET status = 'cancelled' WHERE id = " + QByteArray::number(job)}) {
                const Result<PgResult> done = session.exec(sql);
                QVERIFY2(!done, qPrintable(role + QStringLiteral(": ") + QString::fromUtf8(sql)));
                QCOMPARE(done.error().code, ErrorCode::PermissionDenied);
            }
        }
        QCOMPARE(text("SELECT status FROM images WHERE id = " + QByteArray::number(job)),
                 QStringLiteral("queued"));
    }

    // Only `pixelnest migrate` runs DDL: every other command refuses an old schema with the fix.
    void onlyMigrateChangesTheSchema()
    {
        const QString fresh = test::createScratchDatabase(/*migrate=*/false);
        QProcessEnvironment environment = test::environmentFor(fresh, test::redisUrl());
        environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"),
                           m_namespace + QStringLiteral("m"));
        CliRun run = runPixelnest({QStringLiteral("stats")}, environment);
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.contains(QStringLiteral("schema is at 0, this build needs ")) &&
                     run.err.contains(QStringLiteral("run `pixelnest migrate`")),
                 qPrintable(run.err));

        run = runPixelnest({QStringLiteral("migrate"), QStringLiteral("--dry-run")}, environment);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("-- 0001_initial")));
        QVERIFY(run.out.contains(QStringLiteral("CREATE TABLE audit_log")));
        PgConnection database;
        QVERIFY(database.open(fresh));
        const Result<PgResult> tables = database.exec("SELECT to_regclass('images') IS NULL");
        QVERIFY(tables);
        QCOMPARE(tables->text(0, 0), QStringLiteral("t")); // the dry run changed nothing

        // A viewer cannot migrate: PostgreSQL refuses the DDL.
        QProcessEnvironment viewer = environment;
        viewer.insert(QStringLiteral("PIXELNEST_POSTGRES"),
                      conninfoAs(fresh, m_logins.value(QStringLiteral("viewer"))));
        run = runPixelnest({QStringLiteral("migrate")}, viewer);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("permission denied")), qPrintable(run.err));

        run = runPixelnest({QStringLiteral("migrate")}, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("schema is at")));
        run = runPixelnest({QStringLiteral("stats")}, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = runPixelnest({QStringLiteral("migrate"), QStringLiteral("--dry-run")}, environment);
        QVERIFY(run.out.contains(QStringLiteral("nothing to migrate")));
    }

    // `roles init --redis-acl`: applied to the real Redis, each user does its process's whole
    // job (console: submit and stats; engine: run the jobs) and is refused everything else.
    void redisAclUsersDoTheirJobAndNothingElse()
    {
        const QString ns =
            QStringLiteral("acl") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        // Its own database: the matrix above leaves rows an engine would wait on.
        QProcessEnvironment owner =
            test::environmentFor(test::createScratchDatabase(), test::redisUrl());
        owner.insert(QStringLiteral("PIXELNEST_NAMESPACE"), ns);
        const CliRun printed = runPixelnest(
            {QStringLiteral("roles"), QStringLiteral("init"), QStringLiteral("--redis-acl")},
            owner);
        QVERIFY2(printed.exitCode == 0, qPrintable(printed.err));
        QVERIFY(printed.out.contains(QStringLiteral("ACL SETUSER pixelnest-engine-") + ns));

        engine::RedisClient admin(engine::RedisUrl::parse(test::redisUrl()).value());
        QTemporaryDir secrets;
        QMap<QString, QProcessEnvironment> as; // "engine" | "console" → its environment
        for (const QString& line : printed.out.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1String("ACL SETUSER "))) {
                continue;
            }
            const QString password = QUuid::createUuid().toString(QUuid::Id128);
            QList<QByteArray> command;
            for (const QString& word :
                 QString(line)
                     .replace(QStringLiteral(">PASSWORD"), QLatin1Char('>') + password)
                     .split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                command.append(word.toUtf8());
            }
            const Result<engine::RedisReply> set = admin.command(command);
            QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().message));
            const QString user = QString::fromUtf8(command.at(2));
            const QString file = test::writeFile(secrets.path(), user, password.toUtf8());
            QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QProcessEnvironment environment = owner;
            environment.insert(QStringLiteral("PIXELNEST_REDIS"),
                               QString(test::redisUrl())
                                   .replace(QStringLiteral("unix://"),
                                            QStringLiteral("unix://") + user + QLatin1Char('@')));
            environment.insert(QStringLiteral("PIXELNEST_REDIS_PASSWORD_FILE"), file);
            as.insert(user.section(QLatin1Char('-'), 1, 1), environment);
        }
        QCOMPARE(as.size(), 2);

        CliRun run = runPixelnest({QStringLiteral("submit"), QStringLiteral("--pipeline"),
                                   QStringLiteral("noop"), m_image, m_image},
                                  as.value(QStringLiteral("console")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = runPixelnest({QStringLiteral("--engine-only"), QStringLiteral("--exit-when-idle"),
                            QStringLiteral("--models"), m_files.path()},
                           as.value(QStringLiteral("engine")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("NOPERM")), qPrintable(run.err));
        run = runPixelnest({QStringLiteral("stats"), QStringLiteral("--json")},
                           as.value(QStringLiteral("console")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())
                     .object()
                     .value(QStringLiteral("queue_depth"))
                     .toObject()
                     .size(),
                 0); // both jobs ran

        for (const QString& who : as.keys()) {
            engine::RedisUrl url = engine::RedisUrl::parse(test::redisUrl()).value();
            url.user = QStringLiteral("pixelnest-%1-%2").arg(who, ns);
            QFile file(secrets.filePath(url.user));
            QVERIFY(file.open(QIODevice::ReadOnly));
            url.password = QString::fromUtf8(file.readAll());
            engine::RedisClient client(url);
            QVERIFY(client.command({"PING"}).ok());
            for (const QList<QByteArray>& forbidden : {QList<QByteArray>{"FLUSHALL"},
                                                       {"FLUSHDB"},
                                                       {"CONFIG", "GET", "*"},
                                                       {"KEYS", "*"},
                                                       {"DEBUG", "SLEEP", "0"},
                                                       {"SCRIPT", "FLUSH"},
                                                       {"SET", "other:key", "x"},
                                                       {"GET", "{otherns}:database"}}) {
                const Result<engine::RedisReply> refused = client.command(forbidden);
                QVERIFY2(!refused.ok() &&
                             (refused.error().message.contains(QStringLiteral("NOPERM")) ||
                              refused.error().message.contains(QStringLiteral("not allowed"))),
                         qPrintable(who + QLatin1Char(' ') + QString::fromUtf8(forbidden.first()) +
                                    (refused.ok() ? QString() : refused.error().message)));
            }
            QVERIFY(admin.command({"ACL", "DELUSER", url.user.toUtf8()}).ok());
        }
    }

private:
    // What `stats --json` says is paused in Redis.
    QJsonArray pausedPipelines()
    {
        const CliRun stats = asOwner({QStringLiteral("stats"), QStringLiteral("--json")});
        return QJsonDocument::fromJson(stats.out.toUtf8())
            .object()
            .value(QStringLiteral("paused"))
            .toArray();
    }

    CliRun runAs(const QString& login, const QStringList& arguments)
    {
        QProcessEnvironment environment =
            test::environmentFor(conninfoAs(m_conninfo, login), test::redisUrl());
        environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), m_namespace);
        return runPixelnest(arguments, environment);
    }

    CliRun asOwner(const QStringList& arguments)
    {
        return runAs(QStringLiteral("pixelnest"), arguments);
    }

    qint64 insertJob(const char* status)
    {
        const Result<PgResult> row = m_owner.exec(
            QByteArray("INSERT INTO images (title, format, byte_size, pipeline, status) "
                       "VALUES ('fixture', 'png', 1, 'noop', '") +
            status + "') RETURNING id");
        if (!row) {
            qFatal("%s", qPrintable(row.error().message));
        }
        // The owner's inserts are audited too (by the trigger): keep them out of the counts.
        return row->integer(0, 0);
    }

    qint64 count(const QByteArray& sql)
    {
        const Result<PgResult> row = m_owner.exec(sql);
        return row ? row->integer(0, 0) : -1;
    }

    QString text(const QByteArray& sql)
    {
        const Result<PgResult> row = m_owner.exec(sql);
        return row ? row->text(0, 0) : row.error().message;
    }

    QJsonObject newestAuditEntry()
    {
        const CliRun run = asOwner({QStringLiteral("audit"), QStringLiteral("--limit"),
                                    QStringLiteral("1"), QStringLiteral("--json")});
        return QJsonDocument::fromJson(run.out.toUtf8()).array().first().toObject();
    }

    QString m_conninfo;
    QString m_namespace;
    PgConnection m_owner;
    QTemporaryDir m_files;
    QString m_image;
    QMap<QString, QString> m_logins; // role → login
    QString m_outsider;              // a login with no role, granted one by the role test
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
