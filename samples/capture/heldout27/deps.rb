# The app's other dependencies (mixed scenarios), as ../heldout12/mixed_sidekiq.rb touches them: PostgreSQL
# (ruby-pg, DATABASE_URL) and an HTTP API (Net::HTTP to API_HOST); their failures logged to stderr.
require 'net/http'

def touch_deps
  if ENV['DATABASE_URL']
    require 'pg'
    begin
      PG.connect(ENV['DATABASE_URL'], connect_timeout: 2).close
    rescue PG::Error => e
      warn "database unavailable: #{e.message.strip}"
    end
  end
  if ENV['API_HOST']
    begin
      Net::HTTP.get_response(URI("https://#{ENV['API_HOST']}/v1/charges"))
    rescue StandardError => e
      warn "payment sync failed: #{e.class}: #{e.message}"
    end
  end
end
