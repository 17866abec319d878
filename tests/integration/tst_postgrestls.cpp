// TLS to PostgreSQL, verified: a private PostgreSQL with ssl=on and a certificate from a
// throwaway CA made by openssl now, reached over TCP with sslmode=verify-full by the engine's
// own connection code and by the CLI. A wrong CA or host name fails with libpq's reason; a
// cleartext connection is refused by the server.
#include "cliprocess.h"
#include "pixelnest/localstack.h"
#include "pixelnest/schema.h"
#include "stack/executables.h"
#include "store/pgconnection.h"
#include "testcertificates.h"
#include "teststack.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <tuple>

using namespace pixelnest;
using engine::PgConnection;
using engine::PgResult;

namespace
{

// The port also names the unix socket the stack itself uses (.s.PGSQL.5432), so TCP gets the
// same one: it must be free on 127.0.0.1.
constexpr quint16 kPort = 5432;

bool portIsFree(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

bool appendTo(const QString& path, const QByteArray& text, bool prepend = false)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray old = file.readAll();
    file.close();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    return file.write(prepend ? text + old : old + text) >= 0;
}

} // namespace

class TestPostgresTls final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    std::unique_ptr<LocalStack> m_stack;
    test::TestCertificates m_certs;
    quint16 m_port = 0;
    // A password only this run knows: no output of any command may contain it.
    const QString m_password = QStringLiteral("Pw-") + QUuid::createUuid().toString(QUuid::Id128);

    QString conninfo(const QString& host, const QString& ca,
                     const QString& mode = QStringLiteral("verify-full")) const
    {
        return QStringLiteral("host=%1 port=%2 dbname=pixelnest user=pixelnest sslmode=%3 "
                              "sslrootcert=%4 connect_timeout=5")
            .arg(host)
            .arg(m_port)
            .arg(mode, ca);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        const QString stackDir = test::privateStackDir(m_root.path());
        m_stack = std::make_unique<LocalStack>(stackDir);
        QVERIFY(m_stack->up().ok()); // creates the cluster
        QVERIFY(m_stack->down().ok());
        const QString certDir = m_root.filePath(QStringLiteral("certs"));
        QVERIFY(QDir().mkpath(certDir));
        m_certs = test::makeTestCertificates(certDir, QStringLiteral("localhost"));

        // The server's certificate and key in its data directory, owned by its user.
        const QString data = stackDir + QStringLiteral("/postgres/data");
        for (const QString& name : {QStringLiteral("server.crt"), QStringLiteral("server.key")}) {
            QFile::remove(data + QLatin1Char('/') + name);
            QVERIFY(QFile::copy(certDir + QLatin1Char('/') + name, data + QLatin1Char('/') + name));
            QFile::setPermissions(data + QLatin1Char('/') + name,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QVERIFY(engine::giveToServerUser(data + QLatin1Char('/') + name, Service::PostgreSQL));
        }
        QVERIFY2(portIsFree(kPort), "127.0.0.1:5432 is taken: stop the PostgreSQL listening there");
        m_port = kPort;
        // After the include of pixelnest.conf: these win.
        QVERIFY(appendTo(data + QStringLiteral("/postgresql.conf"),
                         QStringLiteral("\nlisten_addresses = '127.0.0.1'\nssl = on\n"
                                        "ssl_cert_file = 'server.crt'\n"
                                        "ssl_key_file = 'server.key'\n")
                             .toUtf8()));
        // TCP only with TLS; the unix socket stays for the stack's own checks.
        QVERIFY(appendTo(data + QStringLiteral("/pg_hba.conf"),
                         "hostssl all tls_password_login 127.0.0.1/32 scram-sha-256\n"
                         "hostssl all all 127.0.0.1/32 trust\n"
                         "hostnossl all all 127.0.0.1/32 reject\n",
                         /*prepend=*/true));
        const Result<void> up = m_stack->up();
        QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.error().message));
        QVERIFY(applyMigrations(m_stack->postgresConninfo()).ok());
        PgConnection owner;
        QVERIFY(owner.open(m_stack->postgresConninfo()));
        QVERIFY(owner.exec("CREATE ROLE tls_password_login LOGIN SUPERUSER PASSWORD '" +
                           m_password.toUtf8() + "'"));
    }

    void cleanupTestCase()
    {
        if (m_stack) {
            QVERIFY(m_stack->down().ok());
        }
    }

    void verifyFullConnectsEncrypted()
    {
        PgConnection connection;
        const Result<void> opened =
            connection.open(conninfo(QStringLiteral("localhost"), m_certs.caCert));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        const Result<PgResult> ssl =
            connection.exec("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        QVERIFY(ssl);
        QCOMPARE(ssl->text(0, 0), QStringLiteral("t"));
        QVERIFY(ssl->text(0, 1).startsWith(QStringLiteral("TLSv1.")));
    }

    // The product's own path: a CLI command over verified TLS.
    void cliWorksOverVerifiedTls()
    {
        QProcessEnvironment environment = test::environmentFor(
            conninfo(QStringLiteral("localhost"), m_certs.caCert), m_stack->redisUrl());
        environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), QStringLiteral("tls"));
        const test::CliRun run = test::runPixelnest({QStringLiteral("stats")}, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    // With a password in the conninfo, nothing the CLI or the engine prints contains it: not a
    // success, a refused certificate, a refused password, nor the engine's log.
    void passwordsNeverReachOutput()
    {
        const QString good = conninfo(QStringLiteral("localhost"), m_certs.caCert) +
                             QStringLiteral(" user=tls_password_login password=") + m_password;
        const QString wrongCa = conninfo(QStringLiteral("localhost"), m_certs.otherCaCert) +
                                QStringLiteral(" user=tls_password_login password=") + m_password;
        QString wrongPassword = good;
        wrongPassword.replace(m_password, m_password + QStringLiteral("x"));
        QStringList outputs;
        for (const auto& [postgres, arguments, expectedExit] :
             {std::tuple{good, QStringList{QStringLiteral("stats")}, 0},
              std::tuple{wrongCa, QStringList{QStringLiteral("stats")}, 3},
              std::tuple{wrongPassword, QStringList{QStringLiteral("jobs")}, 3},
              std::tuple{good,
                         QStringList{QStringLiteral("--engine-only"),
                                     QStringLiteral("--exit-when-idle"),
                                     QStringLiteral("--models"), m_root.path()},
                         0}}) {
            QProcessEnvironment environment =
                test::environmentFor(postgres, m_stack->redisUrl());
            environment.insert(QStringLiteral("PIXELNEST_NAMESPACE"), QStringLiteral("tls"));
            const test::CliRun run = test::runPixelnest(arguments, environment);
            QCOMPARE(run.exitCode, expectedExit);
            outputs.append(run.out + run.err);
        }
        QVERIFY(outputs.at(2).contains(QStringLiteral("password authentication failed")));
        for (const QString& output : outputs) {
            QVERIFY2(!output.contains(m_password.mid(3)), "a password reached the output");
        }
    }

    void wrongCaFailsClearly()
    {
        PgConnection connection;
        const Result<void> opened =
            connection.open(conninfo(QStringLiteral("localhost"), m_certs.otherCaCert));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Unavailable);
        QVERIFY2(opened.error().message.contains(QStringLiteral("certificate verify failed")),
                 qPrintable(opened.error().message));

        QProcessEnvironment environment = test::environmentFor(
            conninfo(QStringLiteral("localhost"), m_certs.otherCaCert), m_stack->redisUrl());
        const test::CliRun run = test::runPixelnest({QStringLiteral("stats")}, environment);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("certificate verify failed")),
                 qPrintable(run.err));
    }

    void wrongHostNameFailsClearly()
    {
        PgConnection connection;
        const Result<void> opened =
            connection.open(conninfo(QStringLiteral("127.0.0.1"), m_certs.caCert));
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QStringLiteral("does not match host name")),
                 qPrintable(opened.error().message));
    }

    void cleartextIsRefusedByTheServer()
    {
        PgConnection connection;
        const Result<void> opened = connection.open(
            conninfo(QStringLiteral("localhost"), m_certs.caCert, QStringLiteral("disable")));
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QStringLiteral("no encryption")),
                 qPrintable(opened.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPostgresTls)
#include "tst_postgrestls.moc"
