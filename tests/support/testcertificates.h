#pragma once

#include <QString>

namespace pixelnest::test
{

// A throwaway certificate authority and certificates made by `openssl` at test time (EC P-256,
// valid two days): a server certificate for `host` (subjectAltName DNS), a client certificate,
// and a second, unrelated CA for "wrong CA" cases. Nothing is committed.
struct TestCertificates
{
    QString caCert;
    QString serverCert;
    QString serverKey;
    QString clientCert;
    QString clientKey;
    QString otherCaCert;
};

// Writes them under `dir`; qFatal with openssl's output if it fails.
TestCertificates makeTestCertificates(const QString& dir, const QString& host);

} // namespace pixelnest::test
