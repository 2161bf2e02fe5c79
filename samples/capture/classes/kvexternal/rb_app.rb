# redis-rb 4.8 (Debian ruby-redis) given the Key Value's External URL with redis:// (no TLS)
require 'redis'
require 'logger'
log = Logger.new($stdout)
r = Redis.new(url: ENV['REDIS_URL'])
begin
  r.set('session:1', 'a')
  log.info('session saved')
rescue Redis::BaseError => e
  log.error("cache: set session:1 failed: #{e.class}: #{e.message}")
end
