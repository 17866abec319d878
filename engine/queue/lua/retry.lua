-- KEYS: inflight owner delayed
-- ARGV: owner_token id1 delay_ms1 id2 delay_ms2 ...
-- Returns leased jobs to the queue after their backoff (not-before = server time + delay).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local moved = 0
for i = 2, #ARGV, 2 do
    local id = ARGV[i]
    if redis.call('HGET', KEYS[2], id) == ARGV[1] then
        redis.call('ZREM', KEYS[1], id)
        redis.call('HDEL', KEYS[2], id)
        redis.call('ZADD', KEYS[3], now + tonumber(ARGV[i + 1]), id)
        moved = moved + 1
    end
end
return moved
