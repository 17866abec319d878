#pragma once

#include "pixelnest/result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

#include <memory>

struct pg_conn;
struct pg_result;

namespace pixelnest::engine
{

// PQconnectdb with deadlines, each unless the conninfo sets its own: connect_timeout (seconds),
// so that an unroutable host fails in seconds rather than in the kernel's two minutes and
// nothing that waits on a connect (a start, a shutdown) waits without bound; TCP keepalives;
// and a 60 s statement_timeout (migrations lift it for their own session).
pg_conn* connectBounded(const QString& conninfo, int timeoutSeconds = 10);

// The one place that decides from a SQLSTATE whether a failed statement is worth retrying
// (ErrorCode::Transient), the caller's values (InvalidInput), or anything else (Internal).
ErrorCode classifySqlState(const QString& sqlState);

// One query's result; owns the PGresult.
class PgResult final
{
public:
    PgResult() = default;
    explicit PgResult(pg_result* result);

    int rows() const;
    bool isNull(int row, int column) const;
    QByteArray bytes(int row, int column) const; // text format value (bytea stays escaped)
    QString text(int row, int column) const;
    qint64 integer(int row, int column) const;
    int affectedRows() const;                        // for UPDATE/DELETE/INSERT
    qint64 binaryInteger(int row, int column) const; // int2/int4/int8 in binary results

private:
    std::shared_ptr<pg_result> m_result;
};

// A libpq connection owned by exactly one thread. Parameters are always bound (never spliced
// into SQL); a null QByteArray is sent as SQL NULL.
class PgConnection final
{
public:
    PgConnection();
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    Result<void> open(const QString& conninfo);
    // A `SET name = value` run after every (re)open of this connection, before anything else.
    void setSessionSetting(const QByteArray& name, const QByteArray& value);
    // Re-opens a lost connection to the last conninfo, at most once per backoff interval
    // (200 ms doubling to 5 s), so that a dead server is not hammered.
    Result<void> ensureOpen();
    void close();
    bool isOpen() const;
    pg_conn* raw() const { return m_conn; }

    Result<PgResult> exec(const QByteArray& sql, const QList<QByteArray>& params = {});

    // As exec, with parameters whose index is in `binaryParams` sent raw (bytea without
    // escaping) and, with binaryResult, every column returned in binary (bytea raw, integers
    // big-endian: read them with PgResult::binaryInteger).
    Result<PgResult> execBinary(const QByteArray& sql, const QList<QByteArray>& params,
                                const QList<int>& binaryParams, bool binaryResult);

    // Several statements in one simple-protocol call (a migration, roles.sql): no parameters,
    // and the whole script is one implicit transaction unless it says BEGIN/COMMIT itself.
    Result<void> execScript(const QByteArray& script);

    // As execBinary, through a statement prepared once per connection under `name`: the hot
    // engine statements skip parsing and planning on every batch.
    Result<PgResult> execPrepared(const QByteArray& name, const QByteArray& sql,
                                  const QList<QByteArray>& params,
                                  const QList<int>& binaryParams = {}, bool binaryResult = false);

    // Runs BEGIN / COMMIT / ROLLBACK.
    Result<void> begin();
    Result<void> commit();
    void rollback();

    // Text of the current error with the server's wording, for messages.
    QString lastError() const;

private:
    Result<PgResult> checked(pg_result* raw);

    pg_conn* m_conn = nullptr;
    QString m_conninfo;
    QSet<QByteArray> m_prepared;
    QList<QPair<QByteArray, QByteArray>> m_sessionSettings;
    QElapsedTimer m_sinceFailure;
    int m_backoffMs = 0;
};

} // namespace pixelnest::engine
