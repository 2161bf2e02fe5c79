# Sidekiq 6.4 jobs of the heldout71 captures (Debian's ruby-sidekiq on redis-rb 4.8): a digest mailer job; the web
# side (sidekiq_push.rb) enqueues one every TICK_MS. The worker is `sidekiq -r ./sidekiq_jobs.rb -c 2`.
require 'sidekiq'
Sidekiq.configure_server { |c| c.redis = { url: ENV['REDIS_URL'], network_timeout: 2 } }
Sidekiq.configure_client { |c| c.redis = { url: ENV['REDIS_URL'], network_timeout: 2 } }
class DigestJob
  include Sidekiq::Worker
  def perform(n, payload)
    Sidekiq.logger.info("digest #{n} sent (#{payload.bytesize} bytes)")
  end
end
