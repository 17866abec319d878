-- KEYS: inflight owner prio
-- ARGV: owner_token id...
-- Finishes jobs leased to owner_token; a lease already lost (reaped, cancelled) is left alone.
local done = 0
for i = 2, #ARGV do
    local id = ARGV[i]
    if redis.call('HGET', KEYS[2], id) == ARGV[1] then
        redis.call('ZREM', KEYS[1], id)
        redis.call('HDEL', KEYS[2], id)
        redis.call('HDEL', KEYS[3], id)
        done = done + 1
    end
end
return done
