# The mixed cell for Sidekiq (Debian ruby-sidekiq 6.4, redis-rb 4.8): Sidekiq on REDIS_URL; the job touches
# PostgreSQL (ruby-pg, DATABASE_URL) and an HTTP API (Net::HTTP to API_HOST) and logs their failures.
require "sidekiq"
require "pg"
require "net/http"

class SyncOrdersJob
  include Sidekiq::Worker
  sidekiq_options retry: false

  def perform(n)
    begin
      PG.connect(ENV["DATABASE_URL"], connect_timeout: 2).close
    rescue PG::Error => e
      Sidekiq.logger.error "database unavailable: #{e.message.strip}"
    end
    begin
      Net::HTTP.get_response(URI("https://#{ENV['API_HOST']}/v1/charges"))
    rescue StandardError => e
      Sidekiq.logger.error "payment sync failed: #{e.class}: #{e.message}"
    end
    Sidekiq.logger.info "orders synced #{n}"
  end
end
