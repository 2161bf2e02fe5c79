# A Rack-style handler that opens a Redis client per request and keeps it (run under `ulimit -n 40`).
require 'redis'
require 'logger'
log = Logger.new($stdout)
kept = []
60.times do |i|
  r = Redis.new(url: ENV['REDIS_URL'])
  kept << r
  begin
    r.incr('hits')
  rescue Redis::BaseError => e
    log.error("request #{i}: #{e.class}: #{e.message}")
  end
end
log.info("served")
