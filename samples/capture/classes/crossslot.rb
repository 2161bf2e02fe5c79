# A multi-key command whose keys hash to different slots, sent to a Redis Cluster node (Session 11, heldout34).
require "redis"
begin
  Redis.new(host: "127.0.0.1", port: ARGV[0].to_i).mset("job:1", "a", "job:2", "b")
rescue => e
  warn "#{e.class}: #{e.message}"
end
