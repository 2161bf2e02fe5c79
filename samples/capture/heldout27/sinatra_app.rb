# A page-view counter on Sinatra 3 (WEBrick, its access lines) with redis-rb 4 (Redis.new(url: ENV['REDIS_URL'])),
# production settings: an exception is a 500 that Sinatra dumps with its backtrace. A thread asks the app for GET /
# every round.
require 'sinatra/base'
require 'redis'
require 'net/http'
require_relative 'deps'

class PageViews < Sinatra::Base
  set :environment, :production
  set :port, (ENV['PORT'] || 10000).to_i
  set :bind, '127.0.0.1'
  set :server, 'webrick'
  REDIS = Redis.new(url: ENV['REDIS_URL'], connect_timeout: 2, timeout: 2)
  get '/' do
    touch_deps
    "views: #{REDIS.incr('page:views')}\n"
  end
end

Thread.new do
  sleep 1
  (ENV['ROUNDS'] || 14).to_i.times do
    begin
      Net::HTTP.get_response(URI("http://127.0.0.1:#{PageViews.port}/"))
    rescue StandardError
    end
    sleep((ENV['GAP_MS'] || 700).to_i / 1000.0)
  end
  Process.kill('TERM', Process.pid)
end
PageViews.run!
