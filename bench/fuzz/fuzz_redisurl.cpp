// Redis URLs come from flags, the environment and config files.
#include "queue/redisurl.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString url = QString::fromUtf8(reinterpret_cast<const char*>(data), int(size));
    (void)pixelnest::engine::RedisUrl::parse(url);
    return 0;
}
