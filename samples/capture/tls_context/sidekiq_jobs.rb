# Sidekiq 6.4.1 (Debian ruby-sidekiq) jobs: one calls an HTTPS API with Net::HTTP (the API's certificate is
# self-signed), one opens its own redis-rb client to CACHE_URL (rediss://, self-signed). Sidekiq's own logger prints
# each failure: the job's context, 'Class: message', then the backtrace as its own log call.
require "sidekiq"
require "net/http"
require "redis"

class WebhookJob
  include Sidekiq::Worker
  sidekiq_options retry: false

  def perform(url)
    Net::HTTP.get(URI(url))
  end
end

class CacheJob
  include Sidekiq::Worker
  sidekiq_options retry: false

  def perform(url)
    Redis.new(url: url).ping
  end
end
