-- KEYS: ready prio seq wake depth delayed inflight
-- ARGV: id1 priority1 id2 priority2 ...
-- Adds jobs not already waiting, retrying or leased (idempotent: the reconciler may re-send).
local added = 0
for i = 1, #ARGV, 2 do
    local id, priority = ARGV[i], tonumber(ARGV[i + 1])
    if not redis.call('ZSCORE', KEYS[1], id) and not redis.call('ZSCORE', KEYS[6], id)
        and not redis.call('ZSCORE', KEYS[7], id) then
        local seq = redis.call('INCR', KEYS[3])
        redis.call('ZADD', KEYS[1], string.format('%.0f', (1000 - priority) * 4398046511104 + seq), id)
        redis.call('HSET', KEYS[2], id, priority)
        redis.call('HINCRBY', KEYS[5], priority, 1)
        added = added + 1
    end
end
if added > 0 then
    redis.call('DEL', KEYS[4])
    redis.call('RPUSH', KEYS[4], '1')
end
return added
