-- A node whose heartbeat expired is declared dead, once, by whichever survivor gets here first: each seat it
-- held is held for its user for the reconnect grace (owner ''), so its user can resume on any node, and given up
-- when the grace ends. A node stopping cleanly declares itself, so its users need not wait for its TTL.
-- KEYS: the node's heartbeat, live nodes, the node's dead marker, the node's seats, held seats
-- ARGV: node id, grace (ms), key prefix, force ('1': the node itself, stopping)
-- Returns the number of seats now held, or -1 when the node is alive or already declared.
if ARGV[4] ~= '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  return -1
end
if redis.call('SET', KEYS[3], '1', 'NX', 'EX', 3600) == false then
  return -1
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
local now = redis.call('TIME')
local deadline = now[1] * 1000 + math.floor(now[2] / 1000) + tonumber(ARGV[2])
local held = 0
for _, seat in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  local newline = string.find(seat, '\n', 1, true)
  local room = string.sub(seat, 1, newline - 1)
  local key = string.sub(seat, newline + 1)
  local owners = ARGV[3] .. 'room:' .. string.len(room) .. ':' .. room .. ':owner'
  if redis.call('HGET', owners, key) == ARGV[1] then
    redis.call('HSET', owners, key, '')
    redis.call('ZADD', KEYS[5], deadline, seat)
    held = held + 1
  end
end
redis.call('DEL', KEYS[4])
return held
