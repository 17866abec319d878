-- KEYS: ready delayed inflight
-- ARGV: id...
-- For the reconciler: 1 where the job is known to the queue (waiting, retrying or leased), else 0.
local out = {}
for i = 1, #ARGV do
    local id = ARGV[i]
    if redis.call('ZSCORE', KEYS[1], id) or redis.call('ZSCORE', KEYS[2], id)
        or redis.call('ZSCORE', KEYS[3], id) then
        out[i] = 1
    else
        out[i] = 0
    end
end
return out
