# redis-rb (Debian ruby-redis 4.8) on a unix socket (Redis.new(path: ...)): one PING, nothing rescued.
# Usage: ruby unix_ping.rb <socket path>
require "redis"
puts Redis.new(path: ARGV[0]).ping
