# The producer of the Sidekiq mixed cell: a SyncOrdersJob pushed every round (Sidekiq's client on REDIS_URL).
require_relative "mixed_sidekiq"
sleep 2
(1..11).each do |i|
  begin
    SyncOrdersJob.perform_async(i)
    puts "producer: pushed SyncOrdersJob(#{i})"
  rescue StandardError => e
    puts "producer: push failed: #{e.class}: #{e.message}"
  end
  $stdout.flush
  sleep 0.8
end
