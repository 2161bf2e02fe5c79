# A mail-digest job runner on ruby-redis (Debian's ruby-redis: Redis.new(url: ENV["REDIS_URL"])), logging through
# Ruby's Logger on STDOUT (its default format: "I, [time #pid]  INFO -- progname: message"). Each second it pops a
# queued digest (RPOPLPUSH to a processing list), enqueues the next one and bumps a counter; every third round it
# checks PostgreSQL (a TCP connect to its port: the pg gem is not installed here) and the payment API (Net::HTTP)
# when configured, and once at boot, before it builds its Redis client.
require "logger"
require "net/http"
require "socket"
require "uri"
require "redis"

$stdout.sync = true
LOG = Logger.new($stdout, progname: "digest")

def touch_deps
  if (db = ENV["DATABASE_URL"]) && !db.empty?
    u = URI(db)
    begin
      Socket.tcp(u.host, u.port || 5432, connect_timeout: 2).close
    rescue SystemCallError, SocketError, IOError => e
      LOG.error("database health check failed: #{e.class}: #{e.message}")
    end
  end
  if (api = ENV["API_HOST"]) && !api.empty?
    begin
      Net::HTTP.start(api, 443, use_ssl: true, open_timeout: 2, read_timeout: 2) { |h| h.get("/v1/charges") }
    rescue StandardError => e
      LOG.error("payment sync failed: #{e.class}: #{e.message}")
    end
  end
end

LOG.info("digest runner starting (redis-rb #{Redis::VERSION}, ruby #{RUBY_VERSION})")
touch_deps
redis = Redis.new(url: ENV["REDIS_URL"], reconnect_attempts: 1, connect_timeout: 5)
n = 0
loop do
  n += 1
  begin
    redis.lpush("digests:queue", "digest-#{n}")
    job = redis.rpoplpush("digests:queue", "digests:processing")
    sent = redis.incr("digests:sent")
    redis.lrem("digests:processing", 1, job)
    LOG.info("sent #{job} (total #{sent})")
  rescue Redis::BaseError => e
    LOG.error("digest job failed: #{e.class}: #{e.message}")
  end
  touch_deps if n % 3 == 0
  sleep 1
end
