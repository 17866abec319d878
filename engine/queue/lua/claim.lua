-- KEYS: delayed inflight owner prio seq depth pipe paused
-- ARGV: max_count lease_ms owner_token prefix pipeline...
-- Returns the ids of up to max_count highest-priority ready jobs of the named pipelines (those
-- not paused), now leased to owner_token until server time + lease_ms. The heads of the
-- pipelines' queues are merged by score, so the order across pipelines is the global priority
-- order. Retries whose backoff has passed become ready first. Nothing while '*' is paused.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local prefix = ARGV[4]
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 1000)
for _, id in ipairs(due) do
    redis.call('ZREM', KEYS[1], id)
    -- A retry without a pipeline (queued before queues per pipeline) is dropped here:
    -- PostgreSQL still has it queued, and the reconciler sends it again with its pipeline.
    local pipeline = redis.call('HGET', KEYS[7], id)
    if pipeline then
        local priority = tonumber(redis.call('HGET', KEYS[4], id) or '0')
        local seq = redis.call('INCR', KEYS[5])
        redis.call('ZADD', prefix .. 'ready:' .. pipeline,
            string.format('%.0f', (1000 - priority) * 4398046511104 + seq), id)
        redis.call('HINCRBY', KEYS[6], priority, 1)
    end
end
if redis.call('SISMEMBER', KEYS[8], '*') == 1 then
    return {}
end
local max = tonumber(ARGV[1])
local heads = {}
local served = {}
for i = 5, #ARGV do
    local pipeline = ARGV[i]
    if redis.call('SISMEMBER', KEYS[8], pipeline) == 0 then
        local ready = prefix .. 'ready:' .. pipeline
        served[#served + 1] = pipeline
        local head = redis.call('ZRANGE', ready, 0, max - 1, 'WITHSCORES')
        for j = 1, #head, 2 do
            heads[#heads + 1] = {tonumber(head[j + 1]), head[j], ready}
        end
    end
end
if #heads == 0 then
    return {}
end
table.sort(heads, function(a, b) return a[1] < b[1] end)
local deadline = now + tonumber(ARGV[2])
local ids = {}
for i = 1, math.min(max, #heads) do
    local id, ready = heads[i][2], heads[i][3]
    ids[i] = id
    redis.call('ZREM', ready, id)
    redis.call('ZADD', KEYS[2], deadline, id)
    redis.call('HSET', KEYS[3], id, ARGV[3])
    local priority = redis.call('HGET', KEYS[4], id)
    if priority then
        if redis.call('HINCRBY', KEYS[6], priority, -1) <= 0 then
            redis.call('HDEL', KEYS[6], priority)
        end
    end
end
-- More work waits: pass the wake-up on to the next idle engine.
for _, pipeline in ipairs(served) do
    if redis.call('ZCARD', prefix .. 'ready:' .. pipeline) > 0 then
        redis.call('DEL', prefix .. 'wake:' .. pipeline)
        redis.call('RPUSH', prefix .. 'wake:' .. pipeline, '1')
    end
end
return ids
