#include "store/pgconnection.h"

#include <libpq-fe.h>

#include <vector>

namespace pixelnest::engine
{

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

int PgResult::affectedRows() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result.get())).toInt() : 0;
}

PgConnection::PgConnection() = default;

PgConnection::~PgConnection()
{
    close();
}

Result<void> PgConnection::open(const QString& conninfo)
{
    close();
    m_conn = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        // libpq's message names host/socket and the reason; it never contains the password.
        const QString reason = lastError();
        close();
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("cannot connect to PostgreSQL: %1").arg(reason));
    }
    return {};
}

void PgConnection::close()
{
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
    if (m_conn == nullptr) {
        return makeError(ErrorCode::Unavailable, QStringLiteral("PostgreSQL is not connected"));
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
    values.reserve(params.size());
    lengths.reserve(params.size());
    for (const QByteArray& param : params) {
        values.push_back(param.isNull() ? nullptr : param.constData());
        lengths.push_back(int(param.size()));
    }
    PGresult* raw = PQexecParams(m_conn, sql.constData(), int(params.size()), nullptr,
                                 values.data(), lengths.data(), nullptr, 0);
    PgResult result(raw);
    const ExecStatusType status = PQresultStatus(raw);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        return result;
    }
    // A broken connection is a service outage (retry later); anything else is the query's fault.
    const bool lost = PQstatus(m_conn) != CONNECTION_OK;
    const QString sqlState = QString::fromLatin1(PQresultErrorField(raw, PG_DIAG_SQLSTATE));
    const QString message = raw ? QString::fromUtf8(PQresultErrorMessage(raw)).trimmed()
                                : lastError();
    if (lost) {
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("PostgreSQL connection lost: %1").arg(message));
    }
    // 23xxx: integrity constraint violations are the caller's input, not our bug.
    const ErrorCode code =
        sqlState.startsWith(QStringLiteral("23")) ? ErrorCode::InvalidInput : ErrorCode::Internal;
    return makeError(code, message);
}

} // namespace pixelnest::engine
