#!/bin/sh
# Session 11 (lead): a real three-node Redis Cluster on 127.0.0.1, and four cluster-aware clients running what queue
# and cache libraries run: a Lua script and a MULTI/MSET whose keys hash to different slots (no {hash tag}), which a
# cluster refuses with CROSSSLOT. Prints each client's output after a '=== client' marker:
# samples/raw/classes/session11-crossslot.log.
# Needs: redis-server and redis-cli 7 (Debian), a venv with redis-py 5.2.1 at $PYVENV, ioredis 5.11.1 and redis 4.7.1
# under /tmp/lead/wn/node_modules (edit the .js to yours), Debian's ruby-redis 4.8.
set -u
here=$(cd "$(dirname "$0")/crossslot" && pwd)
PYVENV=${PYVENV:-/tmp/lead/acl/venv}
work=$(mktemp -d)
for port in 16451 16452 16453; do
  redis-server --port $port --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$work/nodes-$port.conf" \
    --save "" --appendonly no --daemonize yes --pidfile "$work/$port.pid" --logfile "$work/$port.log" --dir "$work"
done
sleep 0.5
redis-cli --cluster create 127.0.0.1:16451 127.0.0.1:16452 127.0.0.1:16453 --cluster-yes >/dev/null
sleep 2
export REDIS_URL=redis://127.0.0.1:16451 REDIS_NODES=127.0.0.1:16451,127.0.0.1:16452,127.0.0.1:16453
cd "$here"
echo "=== redis-py"; "$PYVENV/bin/python" py_crossslot.py 2>&1
echo "=== ioredis"; timeout 10 node ioredis_crossslot.js 2>&1
echo "=== node-redis"; timeout 10 node noderedis_crossslot.js 2>&1
echo "=== ruby-redis"; timeout 10 ruby rb_crossslot.rb 2>&1
for port in 16451 16452 16453; do kill "$(cat "$work/$port.pid")"; done
