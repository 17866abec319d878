-- KEYS: delayed inflight owner prio seq depth pipe paused limits buckets
-- ARGV: max_count lease_ms owner_token prefix shards pipeline...
-- Returns the ids of up to max_count highest-priority ready jobs of the named pipelines (those
-- not paused), now leased to owner_token until server time + lease_ms, and last the best score
-- still ready among them ('' when none): with max_count 0 a claim only looks (which shard of a
-- sharded queue holds the best job; see JobQueue). The heads of the
-- pipelines' queues are merged by score, so the order across pipelines is the global priority
-- order. Retries whose backoff has passed become ready first. Nothing while '*' is paused.
-- A pipeline with a rate limit (`limits`: jobs per second) gives at most the whole tokens of its
-- bucket (`buckets`: "tokens:last_ms", refilled at the rate, holding one second's worth): every
-- engine's claims draw on the same bucket, so together they take the rate. With S shards each
-- shard's bucket refills at rate / S, so that all shards together take the rate.
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
    return {''}
end
local shards = tonumber(ARGV[5])
local max = tonumber(ARGV[1])
local heads = {}
local served = {}
local buckets = {}
for i = 6, #ARGV do
    local pipeline = ARGV[i]
    if redis.call('SISMEMBER', KEYS[8], pipeline) == 0 then
        local ready = prefix .. 'ready:' .. pipeline
        local room = max
        local rate = tonumber(redis.call('HGET', KEYS[9], pipeline) or '')
        if rate then
            rate = rate / shards
            local burst = math.max(1, rate)
            local tokens, last = burst, now
            local state = redis.call('HGET', KEYS[10], pipeline)
            if state then
                local colon = string.find(state, ':', 1, true)
                tokens = tonumber(string.sub(state, 1, colon - 1))
                last = tonumber(string.sub(state, colon + 1))
            end
            tokens = math.min(burst, tokens + math.max(0, now - last) * rate / 1000)
            buckets[pipeline] = {tokens = tokens, taken = 0}
            room = math.min(max, math.floor(tokens))
        end
        served[#served + 1] = pipeline
        if room > 0 then
            local head = redis.call('ZRANGE', ready, 0, room - 1, 'WITHSCORES')
            for j = 1, #head, 2 do
                heads[#heads + 1] = {tonumber(head[j + 1]), head[j], ready, pipeline}
            end
        end
    end
end
table.sort(heads, function(a, b) return a[1] < b[1] end)
local deadline = now + tonumber(ARGV[2])
local ids = {}
for _, head in ipairs(heads) do
    if #ids >= max then
        break
    end
    local id, ready, bucket = head[2], head[3], buckets[head[4]]
    if not bucket or bucket.taken < math.floor(bucket.tokens) then
        if bucket then
            bucket.taken = bucket.taken + 1
        end
        ids[#ids + 1] = id
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
end
for pipeline, bucket in pairs(buckets) do
    redis.call('HSET', KEYS[10], pipeline,
        string.format('%.6f:%d', bucket.tokens - bucket.taken, now))
end
-- More work waits (and may be taken now): pass the wake-up on to the next idle engine. A
-- pipeline whose bucket is empty is not passed on: its engines look again after their idle
-- wait, as the bucket refills.
local best = ''
for _, pipeline in ipairs(served) do
    local bucket = buckets[pipeline]
    if not bucket or bucket.tokens - bucket.taken >= 1 then
        local head = redis.call('ZRANGE', prefix .. 'ready:' .. pipeline, 0, 0, 'WITHSCORES')
        if #head > 0 then
            if best == '' or tonumber(head[2]) < tonumber(best) then
                best = head[2]
            end
            if max > 0 then
                redis.call('DEL', prefix .. 'wake:' .. pipeline)
                redis.call('RPUSH', prefix .. 'wake:' .. pipeline, '1')
            end
        end
    end
end
ids[#ids + 1] = best
return ids
