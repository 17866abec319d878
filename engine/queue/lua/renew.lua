-- KEYS: inflight owner
-- ARGV: lease_ms id1 token1 id2 token2 ...
-- Extends the leases still held by their tokens (one per attempt); returns the ids whose token
-- no longer holds the lease (reaped, cancelled, or claimed again as another attempt).
local t = redis.call('TIME')
local deadline = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
local lost = {}
for i = 2, #ARGV, 2 do
    local id = ARGV[i]
    if redis.call('HGET', KEYS[2], id) == ARGV[i + 1] then
        redis.call('ZADD', KEYS[1], 'XX', deadline, id)
    else
        lost[#lost + 1] = id
    end
end
return lost
