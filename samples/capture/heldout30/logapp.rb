# A small order-counter worker whose Redis errors go through Ruby's Logger (heldout30, issue 13).
# LOGGER: logger (Logger's default format) | json (a JSON formatter, as apps write for log platforms).
# Every second: SET + INCR with redis-rb (REDIS_URL, or its default 127.0.0.1:6379 when unset).
require 'logger'
require 'json'
require 'time'
require 'redis'

$stdout.sync = true
trap('INT') { exit }  # the driver stops the worker with SIGINT: end quietly
log = Logger.new($stdout)
if ENV['LOGGER'] == 'json'
  log.formatter = proc do |sev, time, prog, msg|
    h = { time: time.utc.iso8601(3), level: sev, progname: prog }
    if msg.is_a?(Exception)
      h.merge!(message: msg.message, error: msg.class.name, backtrace: (msg.backtrace || []).first(5))
    else
      h[:message] = msg.to_s
    end
    JSON.generate(h) + "\n"
  end
end
redis = ENV['REDIS_URL'] ? Redis.new(url: ENV['REDIS_URL']) : Redis.new
log.info("orders worker started (logger=#{ENV['LOGGER'] || 'logger'}, client=redis-rb #{Redis::VERSION})")
n = 0
loop do
  n += 1
  begin
    redis.set('orders:last-tick', Time.now.to_f)
    log.info("tick #{n}: processed=#{redis.incr('orders:processed')}")
  rescue => e
    log.error(e)
  end
  sleep 1
end
