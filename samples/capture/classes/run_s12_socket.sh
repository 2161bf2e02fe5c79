#!/bin/sh
# Session 12 (lead): Node clients given a Redis Unix socket that no server serves: the path does not exist (the
# server not started, or another path than the one its unixsocket setting names: ENOENT), and a socket file left
# behind by a server that died (nobody listens: ECONNREFUSED). ioredis takes REDIS_URL as a path when it starts with
# '/', node-redis takes socket.path.
# Prints each client's output after a '=== client' marker: samples/raw/classes/session12-socket.log.
# Needs: node 20, ioredis 5.11.1 and redis 4.7.1 under /tmp/lead/wn/node_modules (NODE_PATH), python3.
set -u
here=$(cd "$(dirname "$0")/socket" && pwd)
export NODE_PATH=${NODE_PATH:-/tmp/lead/wn/node_modules}
work=$(mktemp -d)
# a socket file nobody listens on: bound, then its process gone (as a killed redis-server leaves it)
python3 -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])" "$work/redis.sock"
for path in /var/run/redis/redis-server.sock "$work/redis.sock"; do
  echo "=== ioredis REDIS_URL=$path"; REDIS_URL=$path timeout 5 node "$here/ioredis_socket.js" 2>&1
  echo "=== node-redis socket.path=$path"; REDIS_SOCKET=$path timeout 5 node "$here/noderedis_socket.js" 2>&1
done
rm -rf "$work"
