#!/bin/sh
# Session 10 (heldout26): Node.js lines that run through a Redis client without being a failure of Redis itself, and
# TLS options that are not PEM text. Ruby 3.1 with redis-rb 4.8 (Debian's ruby-redis), Node 20, ioredis 5.11 and redis (node-redis) 4.7 from npm ($NODE_APP: a folder
# whose node_modules holds them; it writes certs/ca.pem there), a redis-server on a free loopback port started here and stopped at the end.
# Output: samples/raw/classes/session10-h28.log
here=$(cd "$(dirname "$0")" && pwd)
NODE_APP=${NODE_APP:-.}
p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$p" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile "/tmp/s10-redis-$p.pid" >/dev/null
sleep 0.5
cd "$NODE_APP" || exit 1
for case in ioredis-typeerror node-redis-typeerror ioredis-tls-paths node-redis-tls-paths https-tls-paths; do
  echo "=== node: $case"
  NODE_PATH="$NODE_APP/node_modules" timeout 5 node "$here/code_and_tls_material.js" "$case" "$p" 2>&1
done
echo "=== ruby: redis-rb, a NoMethodError in a subscriber's block"
ruby -e 'require "redis"; handlers = {}; Thread.new { sleep 0.3; Redis.new(port: ARGV[0].to_i).publish("jobs", "job-1") }
Redis.new(port: ARGV[0].to_i).subscribe("jobs") { |on| on.message { |_c, name| handlers[name].execute } }' "$p" 2>&1
# redis-py 8 ($PY: a Python with redis-py installed): a CA file and a certificate file that hold a path, not PEM text
mkdir -p certs && echo "./certs/ca.pem" > certs/ca.pem
echo "=== python: redis-py, ssl_ca_certs not PEM"
"${PY:-python3}" -c 'import sys, redis; redis.Redis(port=int(sys.argv[1]), ssl=True, ssl_ca_certs="./certs/ca.pem").ping()' "$p" 2>&1 | tail -3
echo "=== python: redis-py, ssl_certfile not PEM"
"${PY:-python3}" -c 'import sys, redis; redis.Redis(port=int(sys.argv[1]), ssl=True, ssl_certfile="./certs/ca.pem", ssl_keyfile="./certs/ca.pem").ping()' "$p" 2>&1 | tail -3
kill "$(cat "/tmp/s10-redis-$p.pid")"
