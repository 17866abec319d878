#pragma once

#include "pixelnest/result.h"

#include <QString>

namespace pixelnest::engine
{

// One private redis-server in `dir`, on a unix socket only, with AOF on so the local queue
// survives a restart.
class RedisInstance final
{
public:
    explicit RedisInstance(QString dir);

    QString socketPath() const;
    QString url() const { return QStringLiteral("unix://") + socketPath(); }

    bool running() const;
    Result<void> start();
    Result<void> stop();

private:
    QString m_dir;
};

} // namespace pixelnest::engine
