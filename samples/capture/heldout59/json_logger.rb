# A cart-expiry worker in Ruby with the standard Logger and a JSON formatter (a proc building one JSON object a line:
# time, level, progname, message, and the error's class, message and backtrace), on redis-rb (Debian's ruby-redis
# 4.8); with API_HOST, it also notifies an HTTP API (Net::HTTP).
require "json"
require "time"
require "logger"
require "net/http"
require "redis"

$stdout.sync = true
logger = Logger.new($stdout, progname: "cart-expiry")
logger.formatter = proc do |sev, time, prog, msg|
  h = { time: time.utc.iso8601(3), level: sev, progname: prog }
  if msg.is_a?(Exception)
    h.merge!(message: msg.message, error: { class: msg.class.name, message: msg.message, backtrace: (msg.backtrace || []).first(6) })
  elsif msg.is_a?(Hash)
    h.merge!(msg)
  else
    h[:message] = msg.to_s
  end
  h.to_json + "\n"
end

redis = Redis.new(url: ENV["REDIS_URL"], connect_timeout: 5, reconnect_attempts: 1)
logger.info("cart expiry worker started")
1.upto(16) do |i|
  begin
    redis.zadd("carts:expiry", Time.now.to_i + 3600, "cart:#{i}")
    expired = redis.zrangebyscore("carts:expiry", 0, Time.now.to_i)
    logger.info(message: "expiry sweep done", round: i, expired: expired.size)
  rescue Redis::BaseError => e
    logger.error(e)
  end
  if ENV["API_HOST"]
    begin
      Net::HTTP.start(ENV["API_HOST"], 443, use_ssl: true, open_timeout: 2, read_timeout: 2) { |h| h.get("/v1/notify") }
    rescue StandardError => e
      logger.error(message: "notify failed", error: { class: e.class.name, message: e.message })
    end
  end
  sleep 0.7
end
