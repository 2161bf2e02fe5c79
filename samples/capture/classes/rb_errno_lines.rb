# Session 6, heldout8: redis-rb's connect failure and the socket errors under it, each printed as an exception
# notifier (Bugsnag, exception_notification) or a logger prints it: the class on one line, the message on the next.
# Usage: ruby rb_errno_lines.rb PORT [HOST]
require 'redis'
port = ARGV[0].to_i
host = ARGV[1] || '127.0.0.1'
begin
  Redis.new(host: host, port: port).ping
rescue => e
  while e
    puts e.class
    puts e.message
    e = e.cause
  end
end
