-- A user resuming on this node with its resume token takes its seat from whichever node held it (or from the
-- dead node's held seats): the seat moves, nothing else changes, and the old holder is told to let go.
-- KEYS: names, order, owners, tokens, held seats, the new owner's seats
-- ARGV: name key, token hash, new node id, room, events channel, node seats key prefix
-- Returns {name as typed, position}, or false when there is no such seat or the token is not its.
if redis.call('HGET', KEYS[4], ARGV[1]) ~= ARGV[2] then
  return false
end
local username = redis.call('HGET', KEYS[1], ARGV[1])
if not username then
  return false
end
local previous = redis.call('HGET', KEYS[3], ARGV[1])
local seat = ARGV[4] .. '\n' .. ARGV[1]
if previous and previous ~= '' then
  redis.call('SREM', ARGV[6] .. previous .. ':seats', seat)
end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
redis.call('ZREM', KEYS[5], seat)
redis.call('SADD', KEYS[6], seat)
redis.call('PUBLISH', ARGV[5], 'v ' .. ARGV[3] .. ' ' .. ARGV[1])
return {username, redis.call('ZSCORE', KEYS[2], ARGV[1])}
