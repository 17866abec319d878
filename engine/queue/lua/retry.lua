-- KEYS: inflight owner delayed
-- ARGV: id1 token1 delay_ms1 id2 token2 delay_ms2 ...
-- Returns leased jobs to the queue after their backoff (not-before = server time + delay), where
-- the token still holds the lease.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local moved = 0
for i = 1, #ARGV, 3 do
    local id = ARGV[i]
    if redis.call('HGET', KEYS[2], id) == ARGV[i + 1] then
        redis.call('ZREM', KEYS[1], id)
        redis.call('HDEL', KEYS[2], id)
        redis.call('ZADD', KEYS[3], now + tonumber(ARGV[i + 2]), id)
        moved = moved + 1
    end
end
return moved
