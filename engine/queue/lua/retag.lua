-- KEYS: owner
-- ARGV: from_token id1 token1 id2 token2 ...
-- Hands leases from the claim's token to their attempt's token, where the claim still holds
-- them. Returns how many were handed over.
local moved = 0
for i = 2, #ARGV, 2 do
    local id = ARGV[i]
    if redis.call('HGET', KEYS[1], id) == ARGV[1] then
        redis.call('HSET', KEYS[1], id, ARGV[i + 1])
        moved = moved + 1
    end
end
return moved
