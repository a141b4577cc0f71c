-- One room message, atomically: the sender's repeat check, the next consecutive id, the room's log, the fan-out.
-- KEYS: room hash, room log (stream), the send's de-duplication key
-- ARGV: epoch for a room without one, message body (JSON), history limit, history TTL (ms),
--       origin (node:n), de-duplication TTL (s, 0 = the message carries no client id), events channel
-- Returns {0, id} for a repeat (nothing posted), {1, id, epoch} for a new message.
if ARGV[6] ~= '0' then
  local prior = redis.call('GET', KEYS[3])
  if prior then
    return {0, tonumber(prior)}
  end
end
local id = redis.call('HINCRBY', KEYS[1], 'last', 1)
local epoch = id > 1 and redis.call('HGET', KEYS[1], 'epoch')
if not epoch then
  -- A new room, or one whose history was lost: a new epoch, and whatever log was left belongs to the old one.
  epoch = ARGV[1]
  redis.call('HSET', KEYS[1], 'epoch', epoch)
  redis.call('DEL', KEYS[2])
end
redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[3], id .. '-1', 'm', ARGV[2], 'o', ARGV[5], 'e', epoch)
if ARGV[6] ~= '0' then
  redis.call('SET', KEYS[3], id, 'EX', ARGV[6])
end
-- The history expires with the room's last message; renewing the TTL once 1% of it has gone keeps that true
-- (to within 1%) at a fraction of the commands.
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[4]) * 0.99 then
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
end
redis.call('PUBLISH', ARGV[7], 'm ' .. id .. ' ' .. epoch .. ' ' .. ARGV[5] .. ' ' .. ARGV[2])
return {1, id, epoch}
