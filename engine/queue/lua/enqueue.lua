-- KEYS: prio seq depth delayed inflight pipe pipelines
-- ARGV: prefix id1 priority1 pipeline1 id2 priority2 pipeline2 ...
-- Adds jobs not already waiting, retrying or leased (idempotent: the reconciler may re-send),
-- each to its pipeline's ready queue, and wakes the engines serving those pipelines.
local prefix = ARGV[1]
local added = 0
local touched = {}
for i = 2, #ARGV, 3 do
    local id, priority, pipeline = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
    local ready = prefix .. 'ready:' .. pipeline
    if not redis.call('ZSCORE', ready, id) and not redis.call('ZSCORE', KEYS[4], id)
        and not redis.call('ZSCORE', KEYS[5], id) then
        local seq = redis.call('INCR', KEYS[2])
        redis.call('ZADD', ready, string.format('%.0f', (1000 - priority) * 4398046511104 + seq), id)
        redis.call('HSET', KEYS[1], id, priority)
        redis.call('HSET', KEYS[6], id, pipeline)
        redis.call('HINCRBY', KEYS[3], priority, 1)
        touched[pipeline] = true
        added = added + 1
    end
end
for pipeline in pairs(touched) do
    redis.call('SADD', KEYS[7], pipeline)
    redis.call('DEL', prefix .. 'wake:' .. pipeline)
    redis.call('RPUSH', prefix .. 'wake:' .. pipeline, '1')
end
return added
