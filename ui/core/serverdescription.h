#pragma once

#include <QString>

namespace pixelnest::ui
{

// Where the console is connected, for the status bar: the database and host, never a
// password ("PostgreSQL pixelnest on db.example.com:5432", "Redis on local socket").
QString describePostgres(const QString& conninfo);
QString describeRedis(const QString& address);

} // namespace pixelnest::ui
