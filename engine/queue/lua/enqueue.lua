-- KEYS: prio seq depth delayed inflight pipe pipelines
-- ARGV: prefix id1 priority1 pipeline1 not_before_ms1 id2 ...
-- Adds jobs not already waiting, retrying or leased (idempotent: the reconciler may re-send),
-- each to its pipeline's ready queue, or to the delayed set while its not-before (a scheduled
-- job, a retry's backoff) is ahead of the server's clock; wakes the engines of those pipelines.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local prefix = ARGV[1]
local added = 0
local touched = {}
for i = 2, #ARGV, 4 do
    local id, priority, pipeline = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
    local notBefore = tonumber(ARGV[i + 3])
    local ready = prefix .. 'ready:' .. pipeline
    if not redis.call('ZSCORE', ready, id) and not redis.call('ZSCORE', KEYS[4], id)
        and not redis.call('ZSCORE', KEYS[5], id) then
        redis.call('HSET', KEYS[1], id, priority)
        redis.call('HSET', KEYS[6], id, pipeline)
        if notBefore > now then
            redis.call('ZADD', KEYS[4], notBefore, id)
        else
            local seq = redis.call('INCR', KEYS[2])
            redis.call('ZADD', ready,
                string.format('%.0f', (1000 - priority) * 4398046511104 + seq), id)
            redis.call('HINCRBY', KEYS[3], priority, 1)
            touched[pipeline] = true
        end
        redis.call('SADD', KEYS[7], pipeline)
        added = added + 1
    end
end
for pipeline in pairs(touched) do
    redis.call('DEL', prefix .. 'wake:' .. pipeline)
    redis.call('RPUSH', prefix .. 'wake:' .. pipeline, '1')
end
return added
