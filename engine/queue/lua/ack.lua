-- KEYS: inflight owner prio pipe
-- ARGV: id1 token1 id2 token2 ...
-- Finishes jobs whose lease the token still holds; a lease already lost (reaped, cancelled, or
-- now another attempt's, even of the same engine) is left alone.
local done = 0
for i = 1, #ARGV, 2 do
    local id = ARGV[i]
    if redis.call('HGET', KEYS[2], id) == ARGV[i + 1] then
        redis.call('ZREM', KEYS[1], id)
        redis.call('HDEL', KEYS[2], id)
        redis.call('HDEL', KEYS[3], id)
        redis.call('HDEL', KEYS[4], id)
        done = done + 1
    end
end
return done
