#!/bin/sh
# Session 10 (heldout29): what clients print when a Redis run for high availability answers in its own words.
#  - NOREPLICAS: a primary with min-replicas-to-write 1 and no replica refuses writes (as during a Sentinel failover).
#  - Sentinel: a Sentinel that monitors "mymaster" with no replica, asked for the master of "othermaster" and for a
#    replica of "mymaster" (redis-py's MasterNotFoundError / SlaveNotFoundError, and an app that logs the error as JSON
#    with its message and class apart, as NetBox's status API does).
#  - Cluster: three masters (redis-cli --cluster create) read with a plain client: MOVED; a master stopped: CLUSTERDOWN;
#    a Cluster client given an address where nothing listens: no node answers for the slot map.
# Clients: redis-cli 7, Ruby 3.1 with redis-rb 4.8 (Debian's ruby-redis), Node 20 with ioredis 5 from npm ($NODE_APP: a
# folder whose node_modules holds it), redis-py 8 ($PY: a Python with redis-py installed). Servers on free loopback
# ports, started here and stopped at the end. Output: samples/raw/classes/session10-h31.log
PY=${PY:-python3}; NODE_APP=${NODE_APP:-.}
work=$(mktemp -d)
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
P=$(free); S=$(free); C1=$(free); C2=$(free); C3=$(free)
redis-server --port "$P" --bind 127.0.0.1 --save '' --appendonly no --min-replicas-to-write 1 --daemonize yes --pidfile "$work/p.pid" --logfile "$work/p.log"
printf 'port %s\nbind 127.0.0.1\nsentinel monitor mymaster 127.0.0.1 %s 1\n' "$S" "$P" >"$work/sentinel.conf"
redis-server "$work/sentinel.conf" --sentinel --daemonize yes --pidfile "$work/s.pid" --logfile "$work/s.log"
for c in "$C1" "$C2" "$C3"; do
  redis-server --port "$c" --bind 127.0.0.1 --save '' --appendonly no --cluster-enabled yes --cluster-node-timeout 1000 --cluster-config-file "$work/nodes-$c.conf" --daemonize yes --pidfile "$work/c$c.pid" --logfile "$work/c$c.log"
done
sleep 1
for c in "$C1" "$C2" "$C3"; do until redis-cli -p "$c" PING >/dev/null 2>&1; do sleep 0.2; done; done
redis-cli --cluster create "127.0.0.1:$C1" "127.0.0.1:$C2" "127.0.0.1:$C3" --cluster-yes >"$work/create.log" 2>&1
# the nodes agree on the slot map within a few seconds
for i in 1 2 3 4 5 6 7 8 9 10; do redis-cli -p "$C1" CLUSTER INFO | grep -q cluster_state:ok && break; sleep 0.5; done
echo "=== redis-cli: SET on a primary with min-replicas-to-write 1 and no replica"
redis-cli -p "$P" SET k v 2>&1
echo "=== ruby: redis-rb, SET on that primary"
ruby -e 'require "redis"; Redis.new(port: ARGV[0].to_i).set("k", "v")' "$P" 2>&1 | head -3
echo "=== node: ioredis, SET on that primary"
NODE_PATH="$NODE_APP/node_modules" node -e 'const R = require("ioredis"); const r = new R(+process.argv[1]);
r.set("k", "v").then(() => r.quit(), (e) => { console.error(e); r.quit(); });' "$P" 2>&1 | head -3
echo "=== python: redis-py, SET on that primary"
"$PY" -c 'import sys, redis; redis.Redis(port=int(sys.argv[1])).set("k", "v")' "$P" 2>&1 | tail -1
echo "=== python: redis-py Sentinel, the master of a name it does not monitor"
"$PY" -c 'import sys; from redis.sentinel import Sentinel; Sentinel([("127.0.0.1", int(sys.argv[1]))]).discover_master("othermaster")' "$S" 2>&1 | tail -1
echo "=== python: redis-py Sentinel, a replica of a name it does not monitor"
"$PY" -c 'import sys; from redis.sentinel import Sentinel; Sentinel([("127.0.0.1", int(sys.argv[1]))]).slave_for("othermaster").ping()' "$S" 2>&1 | tail -1
echo "=== python: an app that logs the Sentinel error as JSON, message and class apart"
"$PY" -c 'import sys, json; from redis.sentinel import Sentinel
try:
    Sentinel([("127.0.0.1", int(sys.argv[1]))]).master_for("othermaster").ping()
except Exception as e:
    print(json.dumps({"error": str(e), "exception": type(e).__name__}))' "$S" 2>&1
echo "=== redis-cli: GET on a cluster node, without -c"
for k in a b c d; do redis-cli -p "$C1" GET "$k" 2>&1; done
echo "=== python: redis-py plain client on a cluster node"
"$PY" -c 'import sys, redis
r = redis.Redis(port=int(sys.argv[1]))
for k in "abcd": r.get(k)' "$C1" 2>&1 | tail -1
echo "=== ruby: redis-rb plain client on a cluster node"
ruby -e 'require "redis"; r = Redis.new(port: ARGV[0].to_i); %w[a b c d].each { |k| r.get(k) }' "$C1" 2>&1 | head -1
echo "=== redis-cli: a master of three stopped, GET on another"
redis-cli -p "$C3" SHUTDOWN NOSAVE >/dev/null 2>&1; sleep 3
for k in a b c d; do redis-cli -p "$C1" GET "$k" 2>&1; done | grep CLUSTERDOWN | head -1
echo "=== python: redis-py plain client, the same"
"$PY" -c 'import sys, redis
r = redis.Redis(port=int(sys.argv[1]))
for k in "abcd": r.get(k)' "$C1" 2>&1 | tail -1

for c in "$P" "$S" "$C1" "$C2"; do redis-cli -p "$c" SHUTDOWN NOSAVE >/dev/null 2>&1; done
sleep 0.5
# A Redis Cluster client given only an address where nothing listens: no node answers for the slot map.
closed=$(free)
echo "=== node: ioredis Cluster, no node answers"
NODE_PATH="$NODE_APP/node_modules" timeout 8 node -e 'const R = require("ioredis");
const c = new R.Cluster([{host: "127.0.0.1", port: +process.argv[1]}], {clusterRetryStrategy: () => null});
c.on("error", (e) => console.error("Redis cluster error:", e.message)); c.get("k").catch((e) => { console.error(e); process.exit(0); });' "$closed" 2>&1 | head -4
echo "=== python: redis-py RedisCluster, no node answers"
"$PY" -c 'import sys; from redis.cluster import RedisCluster; RedisCluster(host="127.0.0.1", port=int(sys.argv[1])).get("k")' "$closed" 2>&1 | tail -1
echo "=== ruby: redis-rb cluster, no node answers"
ruby -e 'require "redis"; Redis.new(cluster: ["redis://127.0.0.1:#{ARGV[0]}"]).get("k")' "$closed" 2>&1 | head -1
rm -rf "$work"
