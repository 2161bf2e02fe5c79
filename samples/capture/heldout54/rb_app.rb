# heldout54: a Sinatra-style job status poller on redis-rb 4.8 (Debian's ruby-redis), as a Sentinel client
# (MODE=sentinel: SENTINELS, MASTER_NAME) or a plain client (REDIS_URL). Logger's default format on stdout; a failed
# round logs the exception's class and message. API_HOST: an HTTP API also called each round (Net::HTTP).
require 'redis'
require 'logger'
require 'net/http'
$stdout.sync = true
log = Logger.new($stdout)
mode = ENV.fetch('MODE', 'plain')
redis = if mode == 'sentinel'
  sentinels = ENV['SENTINELS'].split(',').map { |hp| h, p = hp.split(':'); { host: h, port: p.to_i } }
  Redis.new(url: "redis://#{ENV.fetch('MASTER_NAME', 'mymaster')}", sentinels: sentinels, role: :master, timeout: 1.0)
else
  Redis.new(url: ENV['REDIS_URL'], timeout: 1.0)
end
log.info("Puma starting in single mode... listening on tcp://0.0.0.0:10000")
n = 0
loop do
  n += 1
  job = "job:#{n % 9}"
  begin
    redis.hset(job, 'status', 'running', 'updated_at', Time.now.to_i)
    polls = redis.incr('polls')
    if ENV['API_HOST']
      begin
        Net::HTTP.get(URI("https://#{ENV['API_HOST']}/v1/webhooks"))
      rescue StandardError => e
        log.error("webhook delivery failed: #{e.class}: #{e.message}")
      end
    end
    log.info("GET /jobs/#{n % 9} 200 polls=#{polls}")
  rescue Redis::BaseError => e
    log.error("GET /jobs/#{n % 9} 500 #{e.class}: #{e.message}")
  end
  sleep 0.7
end
