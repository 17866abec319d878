-- KEYS: prio depth pipe
-- ARGV: prefix priority id...
-- Re-scores waiting jobs at once, keeping their submission order within the new priority.
-- Returns how many were waiting (the others are stored in PostgreSQL only).
local prefix = ARGV[1]
local priority = tonumber(ARGV[2])
local moved = 0
for i = 3, #ARGV do
    local id = ARGV[i]
    local old = redis.call('HGET', KEYS[1], id)
    if old then
        redis.call('HSET', KEYS[1], id, priority)
    end
    local pipeline = redis.call('HGET', KEYS[3], id)
    local ready = pipeline and (prefix .. 'ready:' .. pipeline)
    local score = ready and redis.call('ZSCORE', ready, id)
    if score then
        local seq = tonumber(score) % 4398046511104
        redis.call('ZADD', ready, string.format('%.0f', (1000 - priority) * 4398046511104 + seq), id)
        if old and redis.call('HINCRBY', KEYS[2], old, -1) <= 0 then
            redis.call('HDEL', KEYS[2], old)
        end
        redis.call('HINCRBY', KEYS[2], priority, 1)
        moved = moved + 1
    end
end
return moved
