#pragma once

#include "pixelnest/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct pg_conn;
struct pg_result;

namespace pixelnest::engine
{

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
    int affectedRows() const; // for UPDATE/DELETE/INSERT

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
    void close();
    bool isOpen() const;
    pg_conn* raw() const { return m_conn; }

    Result<PgResult> exec(const QByteArray& sql, const QList<QByteArray>& params = {});

    // Text of the current error with the server's wording, for messages.
    QString lastError() const;

private:
    pg_conn* m_conn = nullptr;
};

} // namespace pixelnest::engine
