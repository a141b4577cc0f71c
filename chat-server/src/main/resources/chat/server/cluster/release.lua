-- Gives up a seat's name when the caller still owns it: a seat taken over by another node, or held after its
-- node was declared dead, is no longer that node's to give up. Only the one who gives it up tells the room.
-- A node that gave up on a claim's reply withdraws the claim by its nonce: the seat it took goes, or, when it
-- has not run (yet), it is marked so that it takes nothing should Redis run it later.
-- KEYS: names, order, owners, tokens, presence version, headcounts, the owner's seats, held seats, the claim's
--       withdrawal mark
-- ARGV: name key, owner node id ('' for a dead node's held seat), room, events channel, claim nonce ('' for any
--       seat)
-- Returns the name as typed, or false when the seat was not the owner's (or not that claim's).
local owner = redis.call('HGET', KEYS[3], ARGV[1])
if ARGV[2] == '' then
  -- Giving up a dead node's held seat: whatever happened to it meanwhile, it is no longer waiting here.
  redis.call('ZREM', KEYS[8], ARGV[3] .. '\n' .. ARGV[1])
end
if ARGV[5] ~= '' and (owner ~= ARGV[2] or redis.call('HGET', KEYS[4], ARGV[1]) ~= ARGV[5]) then
  redis.call('SET', KEYS[9], '1', 'EX', 600)
  return false
end
if owner ~= ARGV[2] then
  return false
end
local username = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
if redis.call('HINCRBY', KEYS[6], ARGV[3], -1) <= 0 then
  redis.call('HDEL', KEYS[6], ARGV[3])
end
redis.call('SREM', KEYS[7], ARGV[3] .. '\n' .. ARGV[1])
redis.call('ZREM', KEYS[8], ARGV[3] .. '\n' .. ARGV[1])
local version = redis.call('INCR', KEYS[5])
redis.call('EXPIRE', KEYS[5], 86400)
redis.call('PUBLISH', ARGV[4], 'p ' .. version .. ' ' .. ARGV[2])
return username
