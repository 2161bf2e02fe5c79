# redis-rb 4.8 (Debian ruby-redis): a Lua script loaded once at start and called by its SHA (evalsha)
require 'redis'
require 'logger'
log = Logger.new($stdout)
r = Redis.new(url: ENV['REDIS_URL'], reconnect_attempts: 3)
sha = r.script(:load, "return redis.call('INCR', KEYS[1])")
(1..4).each do |n|
  begin
    log.info("track #{n}: count=#{r.evalsha(sha, keys: ['events'])}")
  rescue Redis::BaseError => e
    log.error("track #{n} failed: #{e.class}: #{e.message}")
  end
  sleep 1
end
