-- KEYS: delayed prio seq depth pipe
-- ARGV: prefix id...
-- "Retry now": jobs waiting out a backoff join their pipeline's ready queue at once (behind the
-- jobs of their priority already waiting). Returns how many were waiting out a backoff.
local prefix = ARGV[1]
local moved = 0
for i = 2, #ARGV do
    local id = ARGV[i]
    local pipeline = redis.call('HGET', KEYS[5], id)
    if pipeline and redis.call('ZREM', KEYS[1], id) == 1 then
        local priority = tonumber(redis.call('HGET', KEYS[2], id) or '0')
        local seq = redis.call('INCR', KEYS[3])
        redis.call('ZADD', prefix .. 'ready:' .. pipeline,
            string.format('%.0f', (1000 - priority) * 4398046511104 + seq), id)
        redis.call('HINCRBY', KEYS[4], priority, 1)
        redis.call('DEL', prefix .. 'wake:' .. pipeline)
        redis.call('RPUSH', prefix .. 'wake:' .. pipeline, '1')
        moved = moved + 1
    end
end
return moved
