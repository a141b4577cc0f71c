-- Records a seat's new resume token hash, while the node still owns the seat.
-- KEYS: owners, tokens
-- ARGV: name key, node id, token hash
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
  return 1
end
return 0
