# A redis-rb (Debian ruby-redis 4.8) worker counting hits every second, logging what it rescues; TLS options
# from the environment (REDIS_CA, REDIS_CERT/REDIS_KEY, REDIS_TLS_MAX). API_URL: the same app calling an HTTPS API.
require 'redis'
require 'logger'
require 'openssl'
require 'net/http'
$stdout.sync = true
log = Logger.new($stdout)
url = ENV.fetch('REDIS_URL', 'redis://localhost:6379')
ssl = {}
ssl[:ca_file] = ENV['REDIS_CA'] if ENV['REDIS_CA']
if ENV['REDIS_CERT']
  ssl[:cert] = OpenSSL::X509::Certificate.new(File.read(ENV['REDIS_CERT']))
  ssl[:key] = OpenSSL::PKey::RSA.new(File.read(ENV['REDIS_KEY']))
end
ssl[:max_version] = ENV['REDIS_TLS_MAX'].delete('v.').sub('TLS1', 'TLS1_').to_sym if ENV['REDIS_TLS_MAX']  # TLSv1.2 -> :TLS1_2
opts = { url: url, connect_timeout: 5 }
opts[:ssl_params] = ssl if url.start_with?('rediss:')
redis = Redis.new(**opts)
log.info 'worker starting'
6.times do |i|
  begin
    log.info "hits=#{redis.incr('hits')}"
  rescue Redis::BaseError => e
    log.error "job #{i} failed: #{e.class}: #{e.message}"
  end
  if ENV['API_URL'] && i == 1
    begin
      res = Net::HTTP.get_response(URI(ENV['API_URL']))
      log.info "api status #{res.code}"
    rescue OpenSSL::SSL::SSLError => e
      log.error "payment api call failed: #{e.class}: #{e.message}"
    end
  end
  sleep 1
end
log.info 'worker done'
