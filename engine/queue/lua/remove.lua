-- KEYS: ready delayed inflight owner prio depth
-- ARGV: id...
-- Forgets jobs wherever they are (cancel). A worker still running one finds its lease gone, and
-- its late write is rejected by the fencing check in PostgreSQL.
local removed = 0
for i = 1, #ARGV do
    local id = ARGV[i]
    local priority = redis.call('HGET', KEYS[5], id)
    if redis.call('ZREM', KEYS[1], id) == 1 then
        removed = removed + 1
        if priority and redis.call('HINCRBY', KEYS[6], priority, -1) <= 0 then
            redis.call('HDEL', KEYS[6], priority)
        end
    end
    removed = removed + redis.call('ZREM', KEYS[2], id) + redis.call('ZREM', KEYS[3], id)
    redis.call('HDEL', KEYS[4], id)
    redis.call('HDEL', KEYS[5], id)
end
return removed
