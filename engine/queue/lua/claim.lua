-- KEYS: ready delayed inflight owner prio seq wake depth
-- ARGV: max_count lease_ms owner_token
-- Returns the ids of up to max_count highest-priority ready jobs, now leased to owner_token
-- until server time + lease_ms. Retries whose backoff has passed become ready first.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1000)
for _, id in ipairs(due) do
    redis.call('ZREM', KEYS[2], id)
    local priority = tonumber(redis.call('HGET', KEYS[5], id) or '0')
    local seq = redis.call('INCR', KEYS[6])
    redis.call('ZADD', KEYS[1], string.format('%.0f', (1000 - priority) * 4398046511104 + seq), id)
    redis.call('HINCRBY', KEYS[8], priority, 1)
end
local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #ids == 0 then
    return ids
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, #ids - 1)
local deadline = now + tonumber(ARGV[2])
for _, id in ipairs(ids) do
    redis.call('ZADD', KEYS[3], deadline, id)
    redis.call('HSET', KEYS[4], id, ARGV[3])
    local priority = redis.call('HGET', KEYS[5], id)
    if priority then
        if redis.call('HINCRBY', KEYS[8], priority, -1) <= 0 then
            redis.call('HDEL', KEYS[8], priority)
        end
    end
end
-- More work waits: pass the wake-up on to the next idle engine.
if redis.call('ZCARD', KEYS[1]) > 0 then
    redis.call('DEL', KEYS[7])
    redis.call('RPUSH', KEYS[7], '1')
end
return ids
