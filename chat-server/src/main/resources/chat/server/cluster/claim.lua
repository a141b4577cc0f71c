-- Takes a name in a room for a node, unless the room has it in any case (the field is the folded name key).
-- The same script claims again, with the seat's token, a seat Redis lost (it came back without its data).
-- A new seat's token field holds the claim's nonce until the join's token replaces it, so that the same claim
-- sent again (the client re-sends what was in flight when a connection dropped) finds its own seat.
-- KEYS: names, order, owners, tokens, presence version, headcounts, positions, the node's seats, the claim's
--       withdrawal mark (release.lua)
-- ARGV: name key, name as typed, node id, room, events channel, token hash ('' for a new seat), nonce
-- Returns 0 when the name is taken (or the claim was withdrawn), else the seat's position.
if ARGV[7] ~= '' and redis.call('EXISTS', KEYS[9]) == 1 then
  return 0
end
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  if ARGV[7] ~= '' and redis.call('HGET', KEYS[4], ARGV[1]) == ARGV[7] then
    return tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]))
  end
  return 0
end
local position = redis.call('INCR', KEYS[7])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], position, ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
if ARGV[6] ~= '' then
  redis.call('HSET', KEYS[4], ARGV[1], ARGV[6])
elseif ARGV[7] ~= '' then
  redis.call('HSET', KEYS[4], ARGV[1], ARGV[7])
end
redis.call('HINCRBY', KEYS[6], ARGV[4], 1)
redis.call('SADD', KEYS[8], ARGV[4] .. '\n' .. ARGV[1])
local version = redis.call('INCR', KEYS[5])
redis.call('EXPIRE', KEYS[5], 86400)
redis.call('PUBLISH', ARGV[5], 'p ' .. version .. ' ' .. ARGV[3])
return position
