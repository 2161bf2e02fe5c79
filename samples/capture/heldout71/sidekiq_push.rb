# The web side of the heldout71 Sidekiq captures: enqueues a DigestJob every TICK_MS, logging as a Rails app's
# logger does (Ruby's Logger to stdout).
require 'logger'
require_relative 'sidekiq_jobs'
log = Logger.new($stdout)
$stdout.sync = true
tick = (ENV['TICK_MS'] || '1000').to_f / 1000
n = 0
started = Time.now
big_after = (ENV['REPORT_BIG_AFTER_S'] || '1e9').to_f
loop do
  n += 1
  begin
    jid = DigestJob.perform_async(n, 'x' * ((Time.now - started > big_after ? ENV['REPORT_BIG_KB'] : (ENV['REPORT_KB'] || '3')).to_i * 1024))
    log.info("enqueued digest #{n} jid=#{jid}")
  rescue => e
    log.error("could not enqueue digest #{n}: #{e.class}: #{e.message}")
  end
  sleep tick
end
