# redis-rb (Debian ruby-redis 4.8) used the usual way; errors are not rescued.
require "redis"
$stdout.sync = true

redis = Redis.new(url: ENV["REDIS_URL"])
puts "connecting to redis..."
puts "PING -> #{redis.ping}"
# REDIS_WRITES SETs (default 3), REDIS_SLEEP s apart (default none): the matrix's killed scenarios write for a while
Integer(ENV.fetch("REDIS_WRITES", "3")).times do |i|
  redis.set("report:#{i}", "x" * Integer(ENV.fetch("REDIS_VALUE_SIZE", "100")))
  puts "SET report:#{i} ok"
  sleep Float(ENV.fetch("REDIS_SLEEP", "0"))
end
