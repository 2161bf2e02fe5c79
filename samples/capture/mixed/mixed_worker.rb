# A Ruby worker with three dependencies: Redis (redis-rb), PostgreSQL (pg) and an HTTP API (Net::HTTP).
# Three rounds; each failure printed as "<what> failed: <class>: <message>" on stderr.
require "net/http"
require "pg"
require "redis"
$stdout.sync = true
$stderr.sync = true

redis = Redis.new(url: ENV["REDIS_URL"])
puts "worker: started"
1.upto(3) do |n|
  begin
    redis.set("worker:heartbeat", Time.now.to_i)
    puts "worker: tick #{n} cache ok"
  rescue => e
    warn "cache write failed: #{e.class}: #{e.message}"
  end
  begin
    PG.connect(ENV["DATABASE_URL"]).close
    puts "worker: tick #{n} db ok"
  rescue => e
    warn "database connection failed: #{e.class}: #{e.message}"
  end
  begin
    res = Net::HTTP.get_response(URI(ENV["PAYMENTS_API"]))
    puts "worker: payments API answered #{res.code}"
  rescue => e
    warn "payments API call failed: #{e.class}: #{e.message}"
  end
  sleep 1
end
