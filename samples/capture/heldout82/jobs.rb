# Sidekiq 6.4 jobs of a newsletter app (Debian's ruby-sidekiq on redis-rb 4.8); Sidekiq reads REDIS_URL itself.
require 'sidekiq'

class DigestJob
  include Sidekiq::Worker
  def perform(n, pad)
    logger.info "digest #{n} built"
  end
end
