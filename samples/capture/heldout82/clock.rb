# The newsletter app's clock: pushes a DigestJob every 2 s; with DATABASE_URL / API_URL set it also checks PostgreSQL
# and the mail API, and logs their failures.
require 'logger'
require 'socket'
require 'uri'
require 'net/http'
require_relative 'jobs'

$stdout.sync = true
log = Logger.new($stdout)
n = 0
loop do
  n += 1
  if ENV['DATABASE_URL']
    begin
      u = URI(ENV['DATABASE_URL'])
      TCPSocket.new(u.host, u.port).close
    rescue StandardError => e
      log.error("postgres check failed: #{e.class}: #{e.message}")
    end
  end
  if ENV['API_URL']
    begin
      Net::HTTP.get_response(URI("#{ENV['API_URL']}/v1/lists"))
    rescue StandardError => e
      log.error("mail API check failed: #{e.class}: #{e.message}")
    end
  end
  begin
    jid = DigestJob.perform_async(n, 'x' * ENV.fetch('PAYLOAD', '100').to_i)
    log.info("queued digest #{n} (jid #{jid})")
  rescue StandardError => e
    log.error("could not queue digest #{n}: #{e.class}: #{e.message}")
  end
  sleep 2
end
