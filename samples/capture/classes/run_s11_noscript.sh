#!/bin/sh
# Session 11 (lead): an app that loads its Lua script once (SCRIPT LOAD) and calls it by SHA (EVALSHA), across a Redis
# restart, which empties the server's script cache: the calls after it get NOSCRIPT until the app loads the script
# again. Four clients; the server on 127.0.0.1 is stopped (SHUTDOWN NOSAVE) and started again 1.5 s into each run.
# Prints each client's output after a '=== client' marker: samples/raw/classes/session11-noscript.log.
# Needs: redis-server and redis-cli 7 (Debian), a venv with redis-py 5.2.1 at $PYVENV, ioredis 5.11.1 and redis 4.7.1
# under /tmp/lead/wn/node_modules (edit the .js to yours), Debian's ruby-redis 4.8.
set -u
here=$(cd "$(dirname "$0")/noscript" && pwd)
PYVENV=${PYVENV:-/tmp/lead/acl/venv}
work=$(mktemp -d)
start() { redis-server --port 16461 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --dir "$work" --logfile "$work/r.log"; }
export REDIS_URL=redis://127.0.0.1:16461
cd "$here"
for client in redis-py ioredis node-redis ruby-redis; do
  start; sleep 0.5
  echo "=== $client"
  (sleep 1.5; redis-cli -p 16461 SHUTDOWN NOSAVE >/dev/null 2>&1; start) &
  case $client in
    redis-py) "$PYVENV/bin/python" py_noscript.py 2>&1 ;;
    ioredis) timeout 15 node ioredis_noscript.js 2>&1 ;;
    node-redis) timeout 15 node noderedis_noscript.js 2>&1 ;;
    ruby-redis) timeout 15 ruby rb_noscript.rb 2>&1 ;;
  esac
  wait
  redis-cli -p 16461 SHUTDOWN NOSAVE >/dev/null 2>&1
  sleep 0.3
done
