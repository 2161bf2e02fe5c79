# redis-namespace 1.9 (Debian ruby-redis-namespace) over redis-rb 4.8: a worker whose keys live under "shop:",
# a counter bumped every round; a failure logged with Ruby's Logger (class and message), as such workers do.
require 'logger'
require 'redis'
require 'redis-namespace'
$stdout.sync = true
logger = Logger.new($stdout)
redis = Redis::Namespace.new(:shop, redis: Redis.new(url: ENV['REDIS_URL']))
logger.info('worker: started')
(1..(ENV['ROUNDS'] || 14).to_i).each do |i|
  begin
    logger.info("worker: round #{i} carts=#{redis.incr('carts:count')}")
  rescue StandardError => e
    logger.error("worker: round #{i} failed: #{e.class}: #{e.message}")
  end
  sleep((ENV['GAP_MS'] || 700).to_i / 1000.0)
end
