# An app passing a Hash where redis-rb wants a scalar, while the server answers PING. Redis on 127.0.0.1:$REDIS_PORT.
require 'redis'

redis = Redis.new(host: '127.0.0.1', port: Integer(ENV.fetch('REDIS_PORT')))
puts "PING -> #{redis.ping}"
redis.set('session:42', { user: 42 })
