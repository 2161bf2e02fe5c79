# A notification worker in Ruby on redis-rb 4.8 with its hiredis driver (Debian ruby-redis, ruby-hiredis 0.6.3):
# `driver: :hiredis`, as redis-rb's README shows. Reads REDIS_URL, works in rounds, logs with Ruby's Logger.
require "logger"
require "redis"
require "redis/connection/hiredis"

$stdout.sync = true
logger = Logger.new($stdout)
redis = Redis.new(url: ENV["REDIS_URL"], driver: :hiredis, connect_timeout: 2, read_timeout: 2)
logger.info("notifications worker starting")
(1..40).each do |round|
  begin
    redis.set("notify:#{round}", "queued")
    n = redis.incr("notify:sent")
    logger.info("round #{round}: sent=#{n}")
  rescue Redis::BaseError => e
    logger.error("round #{round} failed: #{e.class}: #{e.message}")
  end
  sleep 0.8
end
