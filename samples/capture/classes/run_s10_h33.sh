#!/bin/sh
# Session 10 (heldout31): how machinepack-redis (Sails' Redis driver for sessions and sockets, on node_redis 3) words a
# connect timeout, a refusal, a missing and a wrong password. Node 20 and machinepack-redis 2 from npm ($NODE_APP: a folder
# whose node_modules holds it); a silent listener and a redis-server with requirepass on free loopback ports, started
# here and stopped at the end. Output: samples/raw/classes/session10-h33.log
here=$(cd "$(dirname "$0")" && pwd)
NODE_APP=${NODE_APP:-.}
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
silent=$(free); closed=$(free); auth=$(free)
# a listener that accepts and never answers (node_redis' ready check waits for ever)
python3 -c 'import socket, sys, time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5); c=[s.accept() for _ in range(3)]; time.sleep(10)' "$silent" &
lpid=$!
redis-server --port "$auth" --bind 127.0.0.1 --requirepass s3cret-fake --save '' --appendonly no --daemonize yes --pidfile "/tmp/s10h33-redis-$auth.pid" >/dev/null
sleep 0.5
for c in "silent $silent" "refused $closed" "nopass $auth" "wrongpass $auth"; do
  set -- $c
  echo "=== node: machinepack-redis $1"
  NODE_PATH="$NODE_APP/node_modules" timeout 10 node "$here/sails_machinepack.js" "$1" "$2" 2>&1
done
kill "$lpid" "$(cat "/tmp/s10h33-redis-$auth.pid")" 2>/dev/null
