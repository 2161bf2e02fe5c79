# redis-rb 4.8 (Debian ruby-redis) given a URL whose path names a database the server does not have
require 'redis'
require 'logger'
log = Logger.new($stdout)
r = Redis.new(url: ENV['REDIS_URL'])
r.set('session:1', 'a')
log.info('session saved')
