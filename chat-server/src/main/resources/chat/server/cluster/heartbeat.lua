-- A node says it is alive, unless the others have declared it dead meanwhile (it stalled past its TTL).
-- KEYS: the node's heartbeat, live nodes, the node's dead marker
-- ARGV: node id, TTL (ms)
-- Returns 1, or 0 when the node was declared dead (its seats are held for their users by then).
if redis.call('EXISTS', KEYS[3]) == 1 then
  return 0
end
local now = redis.call('TIME')
redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], now[1] * 1000 + math.floor(now[2] / 1000), ARGV[1])
return 1
