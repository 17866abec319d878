#pragma once

#include <QString>

namespace pixelnest
{

// The TLS settings of a PostgreSQL conninfo or URI, read and written with libpq's own parser
// (PQconninfoParse), for the console's connection dialog. TLS itself is libpq's.
struct PostgresTls
{
    QString sslmode;  // disable | allow | prefer | require | verify-ca | verify-full; empty: prefer
    QString rootCert; // sslrootcert: the CA file that verifies the server
};

PostgresTls postgresTlsOf(const QString& conninfo);

// `conninfo` (a URI becomes keyword=value form) with sslmode and sslrootcert replaced; empty
// values are dropped. Returns `conninfo` unchanged if libpq cannot parse it.
QString withPostgresTls(const QString& conninfo, const PostgresTls& tls);

// A unix socket or this machine (localhost, 127.0.0.1, ::1): traffic never leaves it.
bool postgresIsLocal(const QString& conninfo);

// Empty when the connection is local or its server certificate is verified (verify-ca,
// verify-full); else one sentence saying what travels unprotected, for a warning.
QString postgresTlsWarning(const QString& conninfo);

} // namespace pixelnest
