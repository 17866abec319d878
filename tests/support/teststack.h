#pragma once

#include <QString>
#include <QStringList>

namespace pixelnest::test
{

// The private local stack the CTest fixture started for this run ($PIXELNEST_TEST_STACK).
QString stackDir();
QString postgresConninfo();
QString redisUrl(); // $PIXELNEST_TEST_REDIS_URL when set (another Redis, e.g. over TLS)
// $PIXELNEST_TEST_QUEUE_SHARDS (the queue spread over that many hash tags), else 0: as kept.
int queueShards();

// A fresh, migrated database on the fixture's server, so tests never see each other's rows.
// Returns its conninfo.
QString createScratchDatabase(bool migrate = true);

// A directory for a private local stack (for tests that stop, crash or restart its servers):
// under `root`, which is made traversable for the postgres user when running as root.
QString privateStackDir(const QString& root);

// The pixelnest executable under test ($PIXELNEST_BINARY).
QString pixelnestBinary();

} // namespace pixelnest::test

namespace pixelnest::engine
{
class PgConnection;
}

namespace pixelnest::test
{
// Every NOTIFY payload that has arrived on `connection` (waits up to 2 s for the first).
QStringList drainNotifications(engine::PgConnection& connection);
} // namespace pixelnest::test
