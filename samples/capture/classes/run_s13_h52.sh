#!/bin/sh
# Session 13 (heldout49): how Redis clients word an argument of a type they cannot send (an app passing a dict, object
# or Hash as a value), against a redis-server on loopback that answers PING: redis-py 5.2.1 (a venv at $PYVENV), node-redis
# 4.7.1 (npm install redis@4.7.1 in $NODE_APP) and 5.12.4 (npm install redis@5.12.4 in $NODE5_APP), redis-rb 4.8.0
# (Debian ruby-redis); and redis-py checking a command's arguments (HSET without a field, ZADD with NX and XX). Nothing
# is wrong with Redis: the client refuses to encode or send the command (redis-rb 4.8 sends the Hash as its string and
# prints nothing). Output: samples/raw/classes/session13-h52.log
set -u
here=$(cd "$(dirname "$0")/argtype" && pwd)
PYVENV=${PYVENV:-/tmp/h52/py/venv}
NODE_APP=${NODE_APP:-/tmp/h52/node}
NODE5_APP=${NODE5_APP:-/tmp/h52/node5}
REDIS_PORT=${REDIS_PORT:-46379}
export REDIS_PORT
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile /tmp/h52-redis.pid >/dev/null
sleep 0.5
echo "=== redis-py 5.2.1: SET with a dict"; (cd "$here" && "$PYVENV/bin/python" py_argtype.py 2>&1 | sed -e "s#$PYVENV#/app/.venv#g" -e "s#$here#/app#g")
cp "$here/nr4_argtype.mjs" "$NODE_APP/run.mjs"
echo "=== node-redis 4.7.1: SET with an object"; (cd "$NODE_APP" && timeout 20 node run.mjs 2>&1 | sed "s#$NODE_APP#/app#g")
cp "$here/nr4_argtype.mjs" "$NODE5_APP/run.mjs"
echo "=== node-redis 5.12.4: SET with an object"; (cd "$NODE5_APP" && timeout 20 node run.mjs 2>&1 | sed "s#$NODE5_APP#/app#g")
echo "=== redis-py 5.2.1: HSET without a field, ZADD with NX and XX"; (cd "$here" && "$PYVENV/bin/python" py_argcheck.py 2>&1 | sed -e "s#$PYVENV#/app/.venv#g" -e "s#$here#/app#g")
echo "=== redis-rb 4.8.0: SET with a Hash"; (cd "$here" && ruby rb_argtype.rb 2>&1)
redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
