# redis-rb 4.8 (Debian ruby-redis): four replies of a running server, each logged as an app logs a failed operation
require 'redis'
require 'logger'
log = Logger.new($stdout)
r = Redis.new(url: ENV['REDIS_URL'])
scenario = ARGV[0]
begin
  case scenario
  when 'config' then log.info("maxmemory-policy: #{r.config(:get, 'maxmemory-policy')}")
  when 'keys' then log.info("sessions: #{r.keys('session:*')}")
  when 'wrongtype' then r.set('jobs', 'x'); r.lpush('jobs', 'job-1')
  when 'busy'
    other = Redis.new(url: ENV['REDIS_URL'])
    Thread.new { other.eval("local t=redis.call('TIME') while true do local n=redis.call('TIME') if n[1]-t[1]>1 then break end end return 1") rescue nil }
    sleep 0.5
    r.get('session:1')
  when 'masterdown', 'sentinel' then r.get('session:1')
  end
rescue Redis::BaseError => e
  log.error("cache: #{scenario} failed: #{e.class}: #{e.message}")
end
