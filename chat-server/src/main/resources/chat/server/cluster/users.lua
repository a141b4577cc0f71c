-- A room's user list in join order, with the version of the room's seats it shows.
-- KEYS: names, order, presence version
-- Returns {version, name, name, ...}.
local result = {tonumber(redis.call('GET', KEYS[3]) or '0')}
for _, key in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local username = redis.call('HGET', KEYS[1], key)
  if username then
    result[#result + 1] = username
  end
end
return result
