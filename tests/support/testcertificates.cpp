#include "testcertificates.h"

#include <QFile>
#include <QProcess>

namespace pixelnest::test
{

namespace
{

void openssl(const QString& dir, const QStringList& arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30'000) || process.exitCode() != 0) {
        qFatal("openssl %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
               process.readAll().constData());
    }
}

QStringList newEcKey()
{
    return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
}

void makeCa(const QString& dir, const QString& name, const QString& subject)
{
    openssl(dir, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newEcKey() +
                     QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                 QStringLiteral("-out"), name + QStringLiteral(".crt"),
                                 QStringLiteral("-days"), QStringLiteral("2"),
                                 QStringLiteral("-subj"), subject});
}

// A certificate for `name` signed by ca.crt, with `extension` (one line of x509v3 config).
void makeSigned(const QString& dir, const QString& name, const QString& subject,
                const QByteArray& extension)
{
    openssl(dir, QStringList{QStringLiteral("req")} + newEcKey() +
                     QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                                 QStringLiteral("-out"), name + QStringLiteral(".csr"),
                                 QStringLiteral("-subj"), subject});
    QFile ext(dir + QLatin1Char('/') + name + QStringLiteral(".ext"));
    if (!ext.open(QIODevice::WriteOnly) || ext.write(extension + '\n') < 0) {
        qFatal("cannot write %s", qPrintable(ext.fileName()));
    }
    ext.close();
    openssl(dir,
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             name + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
             QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
             QStringLiteral("-out"), name + QStringLiteral(".crt"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-extfile"), name + QStringLiteral(".ext")});
    // Servers refuse a private key others can read.
    QFile::setPermissions(dir + QLatin1Char('/') + name + QStringLiteral(".key"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace

TestCertificates makeTestCertificates(const QString& dir, const QString& host)
{
    makeCa(dir, QStringLiteral("ca"), QStringLiteral("/CN=Pixelnest test CA"));
    makeCa(dir, QStringLiteral("other-ca"), QStringLiteral("/CN=Someone else's CA"));
    makeSigned(dir, QStringLiteral("server"), QStringLiteral("/CN=") + host,
               "subjectAltName=DNS:" + host.toUtf8());
    makeSigned(dir, QStringLiteral("client"), QStringLiteral("/CN=pixelnest"),
               "extendedKeyUsage=clientAuth");
    const QString base = dir + QLatin1Char('/');
    return {base + QStringLiteral("ca.crt"),     base + QStringLiteral("server.crt"),
            base + QStringLiteral("server.key"), base + QStringLiteral("client.crt"),
            base + QStringLiteral("client.key"), base + QStringLiteral("other-ca.crt")};
}

} // namespace pixelnest::test
