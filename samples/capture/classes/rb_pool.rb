# connection_pool (Debian ruby-connection-pool 2.2.5) around redis-rb 4.8 (ruby-redis), as Sidekiq uses them: a pool
# of one connection held by a thread, then a checkout that times out; then redis-rb's own read timeout (a command
# slower than read_timeout: DEBUG SLEEP). Printed the way Sidekiq's logger prints an error: 'Class: message', then
# the backtrace. argv: host port
require "redis"
require "connection_pool"

host, port = ARGV[0], ARGV[1].to_i
pool = ConnectionPool.new(size: 1, timeout: 1) { Redis.new(host: host, port: port) }
holder = Thread.new { pool.with { |r| r.ping; sleep 3 } }
sleep 0.3
begin
  pool.with { |r| r.ping }
rescue => e
  puts "#{e.class}: #{e.message}"
  puts e.backtrace.first(6)
end
holder.join
begin
  Redis.new(host: host, port: port, read_timeout: 0.5).call(:debug, :sleep, 2)
rescue => e
  puts "#{e.class}: #{e.message}"
  puts e.backtrace.first(6)
end
