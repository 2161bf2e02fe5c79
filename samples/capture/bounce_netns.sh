#!/bin/bash
# The server killed mid-run, then started again or not (issue 13, session 4; samples/README.md section H):
# the captures samples/matrix/raw/ioredis/killed-sigkill-then-back-loopback.log and raw/ioredis-heartbeat/*.log.
# Needs a network namespace of its own (ip netns add i13cap; ip netns exec i13cap ip link set lo up), so that
# 127.0.0.1:6379 is nobody else's; node_modules with ioredis 5.11.1 beside the worker scripts (node-clients/).
#   bounce_netns.sh hb-then-back ioredis-heartbeat-worker.js 14 4 9 shutdown
#   bounce_netns.sh ior-sigkill-then-back ioredis-worker.js 15 4 9 sigkill
#   bounce_netns.sh hb-not-back ioredis-heartbeat-worker.js 12 4 - shutdown
#   bounce_netns.sh hb-rare-tick-not-back ioredis-heartbeat-worker.js 12 4 - shutdown TICK_MS=60000 HEALTH_MS=1000
# bounce_netns.sh NAME SCRIPT SECONDS DOWN UP(-: never) KILL(shutdown|sigkill) [ENV...]
# (as run: /tmp/i13cap held the worker scripts and node_modules; the raw output is /tmp/i13cap/cap/NAME.log)
# all in netns i13cap: redis-server on 127.0.0.1:6379, the worker beside it
set -u
NAME=$1 SCRIPT=$2 SECS=$3 DOWN=$4 UP=$5 KILL=$6; shift 6
NS=(ip netns exec i13cap)
D=/tmp/i13cap/cap/data-$NAME; rm -rf "$D"; mkdir -p "$D"
"${NS[@]}" redis-server --bind 127.0.0.1 --port 6379 --save '' --dir "$D" --logfile "$D/server.log" --daemonize no &
RPID=$!
for _ in $(seq 1 50); do "${NS[@]}" redis-cli -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
( cd /tmp/i13cap && exec "${NS[@]}" env REDIS_URL=redis://127.0.0.1:6379 "$@" timeout -s INT "$SECS" node "$SCRIPT" ) > /tmp/i13cap/cap/$NAME.log 2>&1 &
WPID=$!
sleep "$DOWN"
if [ "$KILL" = sigkill ]; then kill -9 $RPID; else "${NS[@]}" redis-cli -p 6379 shutdown nosave >/dev/null 2>&1; fi
wait $RPID 2>/dev/null
if [ "$UP" != - ]; then
  sleep "$(echo "$UP - $DOWN" | bc)"
  "${NS[@]}" redis-server --bind 127.0.0.1 --port 6379 --save '' --dir "$D" --logfile "$D/server2.log" --daemonize no &
  RPID=$!
fi
wait $WPID; echo "exit $?" > /tmp/i13cap/cap/$NAME.rc
[ "$UP" != - ] && kill $RPID && wait $RPID 2>/dev/null
true
