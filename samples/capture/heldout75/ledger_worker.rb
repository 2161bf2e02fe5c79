# A ledger worker on redis-rb 4.8 (Debian ruby-redis): every second it appends an entry to a list and bumps a
# counter; timeouts as deployed apps set them; Ruby's Logger on stdout, a failure logged with its class and the
# worker going on. SSL_CERT_FILE names the CA for rediss://.
require 'redis'
require 'logger'
$stdout.sync = true
log = Logger.new($stdout)
redis = Redis.new(url: ENV.fetch('REDIS_URL'), connect_timeout: 3, read_timeout: 3, write_timeout: 3)
log.info("ledger worker starting, redis #{redis.ping}")
n = 0
loop do
  n += 1
  begin
    redis.rpush('ledger:entries', { n: n, rows: 'x' * 3072 }.to_s)
    total = redis.incr('ledger:count')
    log.info("entry #{n} recorded (#{total} total)")
  rescue Redis::BaseError => e
    log.error("entry #{n} failed: #{e.class}: #{e.message}")
  end
  sleep 1
end
