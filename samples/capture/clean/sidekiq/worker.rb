require "sidekiq"

class WelcomeEmailJob
  include Sidekiq::Worker

  def perform(user_id)
    Sidekiq.logger.info "welcome email queued for user #{user_id}"
  end
end

class ReportJob
  include Sidekiq::Worker

  def perform(report_id, format)
    sleep 0.05
  end
end
