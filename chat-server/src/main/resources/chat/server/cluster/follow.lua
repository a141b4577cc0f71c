-- Where a room stands, read in one step so that nothing is posted between its parts: its epoch, its last id,
-- and its latest messages, newest first.
-- KEYS: room hash, room log
-- ARGV: how many messages
-- Returns {epoch or '', last, entry id, message, origin, entry id, message, origin, ...}.
local state = redis.call('HMGET', KEYS[1], 'epoch', 'last')
local result = {state[1] or '', tonumber(state[2] or '0')}
for _, entry in ipairs(redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', ARGV[1])) do
  local fields = {}
  for i = 1, #entry[2], 2 do
    fields[entry[2][i]] = entry[2][i + 1]
  end
  result[#result + 1] = entry[1]
  result[#result + 1] = fields['m'] or ''
  result[#result + 1] = fields['o'] or ''
end
return result
