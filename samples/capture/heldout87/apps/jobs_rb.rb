# jobs: a cron-like job runner on Debian's ruby-redis (4.8), Ruby's Logger format
require 'logger'
require 'redis'
logger = Logger.new($stdout)
$stdout.sync = true
redis = Redis.new(url: ENV['REDIS_URL'], connect_timeout: 3, read_timeout: 3, reconnect_attempts: 1)
logger.info("job runner booting (redis-rb #{Redis::VERSION})")
i = 0
loop do
  i += 1
  begin
    redis.set("jobs:last_run", Time.now.to_i)
    logger.info("job #{i} ran, last_run stored")
  rescue Redis::BaseError => e
    logger.error("job #{i}: #{e.class}: #{e.message}")
  end
  sleep 1
end
