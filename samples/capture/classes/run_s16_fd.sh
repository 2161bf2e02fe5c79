#!/bin/sh
# Session 16 (lead): apps that open a Redis connection per request and never close it, so the process runs out of
# file descriptors (EMFILE) while Redis itself is fine: each client under `ulimit -n 40`, against a real redis-server
# on 127.0.0.1:6379 inside a network namespace of its own (run as root; nothing leaves it).
# Prints each client's output after a '=== client' marker: samples/raw/classes/session16-fd.log.
# Needs: redis-server, iproute2, node 20 with ioredis 5 and redis 4 (npm alias redis4) under NODE_PATH, a python with
# redis-py ($PY), ruby with Debian's ruby-redis 4.8, Go 1.19 with Debian's golang-github-gomodule-redigo-dev.
set -u
here=$(cd "$(dirname "$0")/fd" && pwd)
PY=${PY:-python3}
ns=rla-s16-fd
work=$(mktemp -d)
ip netns add $ns && ip netns exec $ns ip link set lo up
ip netns exec $ns redis-server --port 6379 --save '' --appendonly no --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log"
sleep 0.5
(cd "$here/redigo" && GOPATH=/usr/share/gocode GO111MODULE=off go build -o "$work/leakgo" main.go)
run() {  # name, command: the app's output under a 40-descriptor limit
  echo "=== $1"
  ip netns exec $ns sh -c "ulimit -n 40; REDIS_URL=redis://127.0.0.1:6379/0 timeout 20 $2" 2>&1
}
run ioredis "node $here/leak_node.js ioredis"
run node-redis "node $here/leak_node.js node-redis"
run redis-py "$PY $here/leak_py.py"
run redigo "$work/leakgo"
run redis-rb "ruby $here/leak.rb"
kill "$(cat "$work/redis.pid")"; sleep 0.5
ip netns del $ns
rm -rf "$work"
