# redis-rb 4.8 (Debian ruby-redis) with Sentinel; nothing rescued after two logged attempts.
require "redis"
require "logger"
log = Logger.new($stdout)
redis = Redis.new(url: "redis://#{ENV.fetch('MASTER', 'mymaster')}", sentinels: [{ host: "127.0.0.1", port: Integer(ENV["SENTINEL_PORT"]) }], role: :master)
2.times do
  begin
    redis.set("k", "v")
    log.info("set ok")
  rescue => e
    log.error("redis command failed: #{e.class}: #{e.message}")
  end
  sleep 0.5
end
redis.set("k", "last")
