-- KEYS: delayed inflight owner prio depth pipe
-- ARGV: prefix id...
-- Forgets jobs wherever they are (cancel). A worker still running one finds its lease gone, and
-- its late write is rejected by the fencing check in PostgreSQL.
local prefix = ARGV[1]
local removed = 0
for i = 2, #ARGV do
    local id = ARGV[i]
    local priority = redis.call('HGET', KEYS[4], id)
    local pipeline = redis.call('HGET', KEYS[6], id)
    if pipeline and redis.call('ZREM', prefix .. 'ready:' .. pipeline, id) == 1 then
        removed = removed + 1
        if priority and redis.call('HINCRBY', KEYS[5], priority, -1) <= 0 then
            redis.call('HDEL', KEYS[5], priority)
        end
    end
    removed = removed + redis.call('ZREM', KEYS[1], id) + redis.call('ZREM', KEYS[2], id)
    redis.call('HDEL', KEYS[3], id)
    redis.call('HDEL', KEYS[4], id)
    redis.call('HDEL', KEYS[6], id)
end
return removed
