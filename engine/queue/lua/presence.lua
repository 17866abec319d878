-- KEYS: delayed inflight pipe
-- ARGV: prefix id...
-- For the reconciler: 1 where the job is known to the queue (waiting, retrying or leased), else 0.
local prefix = ARGV[1]
local out = {}
for i = 2, #ARGV do
    local id = ARGV[i]
    local pipeline = redis.call('HGET', KEYS[3], id)
    if (pipeline and redis.call('ZSCORE', prefix .. 'ready:' .. pipeline, id))
        or redis.call('ZSCORE', KEYS[1], id) or redis.call('ZSCORE', KEYS[2], id) then
        out[i - 1] = 1
    else
        out[i - 1] = 0
    end
end
return out
