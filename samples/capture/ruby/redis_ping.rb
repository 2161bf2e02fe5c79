# redis-rb (Debian ruby-redis 4.8) used the usual way; errors are not rescued.
require "redis"
$stdout.sync = true

redis = Redis.new(url: ENV["REDIS_URL"])
puts "connecting to redis..."
puts "PING -> #{redis.ping}"
3.times do |i|
  redis.set("report:#{i}", "x" * Integer(ENV.fetch("REDIS_VALUE_SIZE", "100")))
  puts "SET report:#{i} ok"
end
