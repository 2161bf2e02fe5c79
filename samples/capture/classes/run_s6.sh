#!/bin/sh
# Wordings of failure classes from the sixth held-out batch (issue 13, session 5): a client's own pool exhausted
# (redis-py sync and asyncio: 'Too many connections', printed bare and as Celery prints its repr; Ruby's
# connection_pool around redis-rb: 'Waited 1 sec'), redis-rb's read timeout. Debian 12, as root:
#   W=/tmp/cls5 sh run_s6.sh   -> writes samples/raw/classes/session6.log
# Needs: apt-get install redis-server ruby-redis ruby-connection-pool ;
#        python3 -m venv $W/venv && $W/venv/bin/pip install redis==8.2.0 ; the files of this folder copied to $W.
set -u
OUT=${OUT:-$(cd "$(dirname "$0")/../../raw/classes" && pwd)}
cd "$W"
redis-server --port 16396 --save '' --appendonly no --enable-debug-command yes > pool.log 2>&1 & R1=$!
sleep 1
{
echo "=== redis-py 8.2.0, max_connections=1 held by a pub/sub, then SET (sync, then redis.asyncio; 127.0.0.1:16396)"
$W/venv/bin/python py_pool.py 127.0.0.1 16396
echo "=== ruby 3.1: connection_pool 2.2.5 (size 1, timeout 1) around redis-rb 4.8.0, then redis-rb's read timeout (DEBUG SLEEP 2, read_timeout 0.5)"
ruby rb_pool.rb 127.0.0.1 16396
} > "$OUT/session6.log" 2>&1
kill $R1
