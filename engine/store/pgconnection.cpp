#include "store/pgconnection.h"

#include <libpq-fe.h>

#include <algorithm>
#include <iterator>
#include <vector>

namespace pixelnest::engine
{

ErrorCode classifySqlState(const QString& sqlState)
{
    // PostgreSQL Appendix A. Transient: the same statement may succeed once the condition
    // passes: 08 connection exception, 40 transaction rollback (serialization failure,
    // deadlock), 53 insufficient resources (disk full, out of memory, too many connections),
    // 57 operator intervention (statement timeout, admin shutdown, starting up), 25006 read-only
    // transaction (a standby after failover), 55P03 lock not available (lock timeout).
    // Literals, not a static QStringList: this also runs after main() returns (a test's scratch
    // databases are dropped then), when such a static may already be destroyed.
    constexpr QLatin1String transientClasses[] = {QLatin1String("08"), QLatin1String("40"),
                                                  QLatin1String("53"), QLatin1String("57")};
    const bool transientClass =
        std::any_of(std::begin(transientClasses), std::end(transientClasses),
                    [&](QLatin1String prefix) { return sqlState.startsWith(prefix); });
    if (transientClass || sqlState == QLatin1String("25006") ||
        sqlState == QLatin1String("55P03")) {
        return ErrorCode::Transient;
    }
    // 42501 insufficient privilege: a grant (roles.sql) or row policy refused this login.
    if (sqlState == QLatin1String("42501")) {
        return ErrorCode::PermissionDenied;
    }
    // 22 data exception, 23 integrity constraint violation: the values, not the server.
    if (sqlState.startsWith(QLatin1String("22")) || sqlState.startsWith(QLatin1String("23"))) {
        return ErrorCode::InvalidInput;
    }
    return ErrorCode::Internal;
}

namespace
{
QByteArray& clientName()
{
    static QByteArray name = "pixelnest";
    return name;
}
} // namespace

pg_conn* connectBounded(const QString& conninfo, int timeoutSeconds)
{
    // Array order: the expanded conninfo (dbname) overrides the defaults before it. Keepalives
    // notice a silent partition within about a minute (TCP only); the statement timeout keeps
    // a lock wait or a runaway query from holding a thread for ever.
    const QByteArray timeout = QByteArray::number(timeoutSeconds);
    const QByteArray expanded = conninfo.toUtf8();
    const char* keywords[] = {"connect_timeout",
                              "keepalives",
                              "keepalives_idle",
                              "keepalives_count",
                              "keepalives_interval",
                              "options",
                              "fallback_application_name",
                              "dbname",
                              nullptr};
    const char* values[] = {timeout.constData(),
                            "1",
                            "15",
                            "3",
                            "5",
                            "-c statement_timeout=60000",
                            clientName().constData(),
                            expanded.constData(),
                            nullptr};
    return PQconnectdbParams(keywords, values, 1);
}

PgResult::PgResult(pg_result* result) : m_result(result, PQclear) {}

int PgResult::rows() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

QByteArray PgResult::bytes(int row, int column) const
{
    if (isNull(row, column)) {
        return {};
    }
    return QByteArray(PQgetvalue(m_result.get(), row, column),
                      PQgetlength(m_result.get(), row, column));
}

QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(bytes(row, column));
}

qint64 PgResult::integer(int row, int column) const
{
    return bytes(row, column).toLongLong();
}

qint64 PgResult::binaryInteger(int row, int column) const
{
    const QByteArray raw = bytes(row, column);
    qint64 value = 0;
    for (char byte : raw) {
        value = (value << 8) | quint8(byte);
    }
    // Sign-extend 2- and 4-byte integers.
    if (raw.size() > 0 && raw.size() < 8 && (quint8(raw.at(0)) & 0x80) != 0) {
        value -= qint64(1) << (8 * raw.size());
    }
    return value;
}

int PgResult::affectedRows() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result.get())).toInt() : 0;
}

PgConnection::PgConnection() = default;

PgConnection::~PgConnection()
{
    close();
}

Result<void> PgConnection::ensureOpen()
{
    if (isOpen()) {
        return {};
    }
    if (m_sinceFailure.isValid() && !m_sinceFailure.hasExpired(m_backoffMs)) {
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         QStringLiteral("PostgreSQL unreachable (retrying)"));
    }
    Result<void> opened = open(m_conninfo);
    if (opened) {
        m_backoffMs = 0;
        m_sinceFailure.invalidate();
    } else {
        m_backoffMs = qBound(200, m_backoffMs * 2, 5000);
        m_sinceFailure.start();
    }
    return opened;
}

Result<void> PgConnection::open(const QString& conninfo)
{
    close();
    m_conninfo = conninfo;
    m_conn = connectBounded(conninfo);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        // libpq's message names host/socket and the reason; it never contains the password.
        const QString reason = lastError();
        close();
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         QStringLiteral("cannot connect to PostgreSQL: %1").arg(reason));
    }
    for (const auto& [name, value] : std::as_const(m_sessionSettings)) {
        // set_config takes both as values: nothing is spliced into SQL.
        if (Result<PgResult> set = exec("SELECT set_config($1, $2, false)", {name, value}); !set) {
            close();
            return set.error();
        }
    }
    return {};
}

void PgConnection::setSessionSetting(const QByteArray& name, const QByteArray& value)
{
    m_sessionSettings.append({name, value});
}

void PgConnection::close()
{
    m_prepared.clear();
    if (m_conn != nullptr) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
}

bool PgConnection::isOpen() const
{
    return m_conn != nullptr && PQstatus(m_conn) == CONNECTION_OK;
}

QString PgConnection::lastError() const
{
    return m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()
                  : QStringLiteral("not connected");
}

Result<PgResult> PgConnection::exec(const QByteArray& sql, const QList<QByteArray>& params)
{
    return execBinary(sql, params, {}, false);
}

Result<void> PgConnection::execScript(const QByteArray& script)
{
    if (m_conn == nullptr) {
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         QStringLiteral("PostgreSQL is not connected"));
    }
    const Result<PgResult> done = checked(PQexec(m_conn, script.constData()));
    rollback(); // a script that failed inside its own BEGIN leaves the transaction aborted
    return done ? Result<void>() : Result<void>(done.error());
}

Result<void> PgConnection::begin()
{
    const Result<PgResult> done = exec("BEGIN");
    return done ? Result<void>() : Result<void>(done.error());
}

Result<void> PgConnection::commit()
{
    const Result<PgResult> done = exec("COMMIT");
    return done ? Result<void>() : Result<void>(done.error());
}

void PgConnection::rollback()
{
    if (m_conn != nullptr && PQtransactionStatus(m_conn) != PQTRANS_IDLE) {
        PQclear(PQexec(m_conn, "ROLLBACK"));
    }
}

namespace
{

// libpq's parallel arrays for one call's parameters; a null QByteArray is SQL NULL.
struct BoundParams
{
    BoundParams(const QList<QByteArray>& params, const QList<int>& binaryParams)
        : formats(size_t(params.size()), 0)
    {
        for (int index : binaryParams) {
            formats[size_t(index)] = 1;
        }
        for (const QByteArray& param : params) {
            values.push_back(param.isNull() ? nullptr : param.constData());
            lengths.push_back(int(param.size()));
        }
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
};

} // namespace

Result<PgResult> PgConnection::checked(pg_result* raw)
{
    PgResult result(raw);
    const ExecStatusType status = PQresultStatus(raw);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        return result;
    }
    // A broken connection is a service outage (retry later); anything else is the query's fault.
    // An error without a SQLSTATE was made by libpq itself, not sent by the server: "server
    // closed the connection unexpectedly" while PQstatus may still say OK (seen in the chaos
    // test's PostgreSQL crash, which then failed a finished job as if its row were bad).
    const QString sqlState = QString::fromLatin1(PQresultErrorField(raw, PG_DIAG_SQLSTATE));
    const bool broken = PQstatus(m_conn) != CONNECTION_OK;
    const QString message =
        raw ? QString::fromUtf8(PQresultErrorMessage(raw)).trimmed() : lastError();
    if (broken || sqlState.isEmpty()) {
        if (broken) {
            m_prepared.clear(); // a new connection prepares its statements again
        }
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         QStringLiteral("PostgreSQL connection lost: %1").arg(message));
    }
    return makeError(Service::PostgreSQL, classifySqlState(sqlState), message);
}

Result<PgResult> PgConnection::execPrepared(const QByteArray& name, const QByteArray& sql,
                                            const QList<QByteArray>& params,
                                            const QList<int>& binaryParams, bool binaryResult)
{
    if (m_conn == nullptr) {
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         QStringLiteral("PostgreSQL is not connected"));
    }
    if (!m_prepared.contains(name)) {
        const Result<PgResult> prepared = checked(
            PQprepare(m_conn, name.constData(), sql.constData(), int(params.size()), nullptr));
        if (!prepared) {
            return prepared;
        }
        m_prepared.insert(name);
    }
    const BoundParams bound(params, binaryParams);
    return checked(PQexecPrepared(m_conn, name.constData(), int(params.size()), bound.values.data(),
                                  bound.lengths.data(), bound.formats.data(),
                                  binaryResult ? 1 : 0));
}

Result<PgResult> PgConnection::execBinary(const QByteArray& sql, const QList<QByteArray>& params,
                                          const QList<int>& binaryParams, bool binaryResult)
{
    if (m_conn == nullptr) {
        return makeError(Service::PostgreSQL, ErrorCode::Unavailable,
                         QStringLiteral("PostgreSQL is not connected"));
    }
    const BoundParams bound(params, binaryParams);
    return checked(PQexecParams(m_conn, sql.constData(), int(params.size()), nullptr,
                                bound.values.data(), bound.lengths.data(), bound.formats.data(),
                                binaryResult ? 1 : 0));
}

} // namespace pixelnest::engine

namespace pixelnest
{

void setPostgresClientName(const QString& name)
{
    engine::clientName() = name.toUtf8();
}

} // namespace pixelnest
