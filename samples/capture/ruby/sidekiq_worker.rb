# Sidekiq (Debian ruby-sidekiq 6.4) worker; Redis URL from REDIS_URL as Sidekiq reads it.
require "sidekiq"

class HardWorker
  include Sidekiq::Worker

  def perform(name)
    Sidekiq.logger.info "hello #{name}"
  end
end
