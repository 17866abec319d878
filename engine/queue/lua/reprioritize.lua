-- KEYS: ready prio depth
-- ARGV: priority id...
-- Re-scores waiting jobs at once, keeping their submission order within the new priority.
-- Returns how many were waiting (the others are stored in PostgreSQL only).
local priority = tonumber(ARGV[1])
local moved = 0
for i = 2, #ARGV do
    local id = ARGV[i]
    local old = redis.call('HGET', KEYS[2], id)
    if old then
        redis.call('HSET', KEYS[2], id, priority)
    end
    local score = redis.call('ZSCORE', KEYS[1], id)
    if score then
        local seq = tonumber(score) % 4398046511104
        redis.call('ZADD', KEYS[1], string.format('%.0f', (1000 - priority) * 4398046511104 + seq), id)
        if old and redis.call('HINCRBY', KEYS[3], old, -1) <= 0 then
            redis.call('HDEL', KEYS[3], old)
        end
        redis.call('HINCRBY', KEYS[3], priority, 1)
        moved = moved + 1
    end
end
return moved
