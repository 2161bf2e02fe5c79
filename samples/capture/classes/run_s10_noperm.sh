#!/bin/sh
# Session 10 (lead): an ACL user that may GET/SET session:* only (noperm/redis.conf, as a managed Redis's restricted or
# read-only token), and five clients writing another key, then running a command the user lacks. Prints each client's
# output after a '=== client' marker: samples/raw/classes/session10-noperm.log.
# Needs: redis-server 7 (Debian), a venv with redis-py 5.2.1 at $PYVENV, ioredis 5.11.1 and redis 4.7.1 under $NODE_MODULES
# (the scripts require '/tmp/lead/wn/node_modules/…': edit them to yours), Debian's ruby-redis 4.8 and php-redis.
set -u
here=$(cd "$(dirname "$0")/noperm" && pwd)
PYVENV=${PYVENV:-/tmp/lead/acl/venv}
work=$(mktemp -d)
redis-server "$here/redis.conf" --daemonize yes --pidfile "$work/r.pid" --logfile "$work/server.log" --dir "$work"
sleep 0.5
export REDIS_URL=redis://app:apppass@127.0.0.1:6431/0
cd "$here"
echo "=== redis-py"; "$PYVENV/bin/python" py_noperm.py 2>&1
echo "=== ioredis"; node ioredis_noperm.js 2>&1
echo "=== node-redis"; node noderedis_noperm.js 2>&1
echo "=== ruby-redis"; ruby rb_noperm.rb 2>&1
echo "=== phpredis"; php php_noperm.php 2>&1
kill "$(cat "$work/r.pid")"
