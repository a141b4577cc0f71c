-- Redis came back with less of a room than a node had handed on (restarted from an AOF that missed the last
-- moments): ids from here on would repeat ones already seen, so the room starts a new epoch, once, whichever
-- node finds it first.
-- KEYS: room hash
-- ARGV: the epoch the node knows, a new epoch
-- Returns the room's epoch now.
if redis.call('HGET', KEYS[1], 'epoch') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'epoch', ARGV[2])
  return ARGV[2]
end
return redis.call('HGET', KEYS[1], 'epoch')
