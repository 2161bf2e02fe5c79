#!/bin/sh
# Session 11 (heldout34): how clients word a Redis Cluster refusing a command whose keys hash to different slots
# (CROSSSLOT), as a queue's Lua script or an MSET meets a cluster-mode server (ElastiCache Serverless, clustered Azure
# Managed Redis). A redis-server 7.0 with cluster-enabled yes holding every slot, on a free loopback port, started here and
# stopped at the end; node-redis 4.7 and ioredis 5.11 ($NODE_APP: a folder whose node_modules holds them), redis-py 8.2
# ($PYTHON) plain and RedisCluster, redis-rb 4.8 (Debian's ruby-redis). Output: samples/raw/classes/session11-h36-crossslot.log
here=$(cd "$(dirname "$0")" && pwd)
NODE_APP=${NODE_APP:-.}
PYTHON=${PYTHON:-python3}
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$dir/nodes.conf" --dir "$dir" \
  --save '' --appendonly no --daemonize yes --pidfile "$dir/redis.pid" >/dev/null
sleep 0.5
redis-cli -p "$port" cluster addslotsrange 0 16383 >/dev/null
sleep 2
for c in node-redis ioredis; do
  echo "=== node: $c"
  NODE_PATH="$NODE_APP/node_modules" timeout 10 node "$here/crossslot.js" "$c" "$port" 2>&1
done
for k in plain cluster; do
  echo "=== python: redis-py $k"
  timeout 10 "$PYTHON" "$here/crossslot.py" "$k" "$port" 2>&1
done
echo "=== ruby: redis-rb"
timeout 10 ruby "$here/crossslot.rb" "$port" 2>&1
kill "$(cat "$dir/redis.pid")"
rm -rf "$dir"
