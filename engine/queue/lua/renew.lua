-- KEYS: inflight owner
-- ARGV: lease_ms owner_token id...
-- Extends the leases owner_token still holds; returns the ids it no longer holds.
local t = redis.call('TIME')
local deadline = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
local lost = {}
for i = 3, #ARGV do
    local id = ARGV[i]
    if redis.call('HGET', KEYS[2], id) == ARGV[2] then
        redis.call('ZADD', KEYS[1], 'XX', deadline, id)
    else
        lost[#lost + 1] = id
    end
end
return lost
