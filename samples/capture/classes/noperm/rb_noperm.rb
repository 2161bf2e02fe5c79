# redis-rb 4.8 (Debian ruby-redis) with an ACL user that may GET/SET session:* only
require 'redis'
require 'logger'
log = Logger.new($stdout)
r = Redis.new(url: ENV['REDIS_URL'])
log.info("PING -> #{r.ping}")
r.set('session:1', 'a')
[['set', 'cache:products'], ['lpush', 'jobs']].each do |cmd, key|
  begin
    r.send(cmd, key, 'x')
  rescue Redis::BaseError => e
    log.error("cache: #{cmd} #{key} failed: #{e.class}: #{e.message}")
  end
end
r.incr('session:counter')
