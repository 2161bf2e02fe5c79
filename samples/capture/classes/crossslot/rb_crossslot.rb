# redis-rb 4.8 (Debian ruby-redis) in cluster mode: a Lua script whose keys hash to different slots
require 'redis'
require 'logger'
log = Logger.new($stdout)
r = Redis.new(cluster: ENV['REDIS_NODES'].split(',').map { |n| "redis://#{n}" })
log.info('redis cluster ready')
begin
  r.eval("redis.call('SET', KEYS[1], 'a'); return redis.call('SET', KEYS[2], 'b')", keys: ['queue:wait', 'queue:active'])
rescue Redis::BaseError => e
  log.error("queue: move job failed: #{e.class}: #{e.message}")
end
