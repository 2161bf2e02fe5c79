#!/usr/bin/env bash
# Recapture of the two node-app samples whose "Key Value" resolved to 127.0.0.1 (which reads as "URL never reached
# the client"): recovery and runtime-drop. Here the Key Value has a non-loopback address, 10.0.5.9, in its own
# network namespace `rkv` (on its lo, no kernel module needed), with the Render-style host red-d0cjkelq67qs70c2kvup resolving to it
# through /etc/netns/rkv/hosts (no change to the machine's /etc/hosts). The app runs in the same namespace (so
# port 10000 is its own); a stopped server answers RST -> ECONNREFUSED 10.0.5.9:6379. Needs root.
#   samples/capture/recapture_kv.sh            # both; raw output -> samples/raw/node-app/{recovery,runtime-drop}.log
set -u
HERE=$(cd "$(dirname "$0")" && pwd); RAW=$(cd "$HERE/.." && pwd)/raw; WORK=${WORK:-/work/capture2/kv}
APP_DIR=${APP_DIR:-/opt/render/project/src}; KV=red-d0cjkelq67qs70c2kvup; IP=10.0.5.9
mkdir -p "$WORK"
NS() { ip netns exec rkv "$@"; }
if ! ip netns list | grep -q '^rkv'; then
  ip netns add rkv
  NS ip link set lo up
  NS ip addr add $IP/32 dev lo   # not a 127.x address: the client sees a "remote" Key Value
fi
mkdir -p /etc/netns/rkv
printf '127.0.0.1 localhost\n%s %s\n' "$IP" "$KV" > /etc/netns/rkv/hosts
REDIS_PID=
kv_start() { NS redis-server --bind $IP --port 6379 --protected-mode no --save '' --appendonly no --dir "$WORK" --logfile "$WORK/$1-server.log" & REDIS_PID=$!; sleep 0.7; }
kv_stop() { [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null; REDIS_PID=; }
APP_PID=
app_start() { (cd "$APP_DIR" && exec ip netns exec rkv env NODE_ENV=production PORT=10000 "$@" node server.js) > "$WORK/full-$SCEN.log" 2>&1 & APP_PID=$!; }
app_wait() { for _ in $(seq 1 60); do NS curl -s -o /dev/null localhost:10000/api/health && return 0; sleep 0.5; done; return 1; }
traffic() {
  local jar=$WORK/cookies.txt; rm -f "$jar"
  NS curl -s -o /dev/null localhost:10000/api/health
  NS curl -s -o /dev/null -c "$jar" -X POST localhost:10000/api/login
  NS curl -s -o /dev/null -b "$jar" localhost:10000/api/files
  NS curl -s -o /dev/null -b "$jar" localhost:10000/api/files
  NS curl -s -o /dev/null localhost:10000/api/health
}
app_stop() { kill -INT "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; local rc=$?; cp "$WORK/full-$SCEN.log" "$RAW/node-app/$SCEN.log"; echo "$SCEN rc=$rc lines=$(wc -l < "$RAW/node-app/$SCEN.log")"; }

recovery() {  # server down at start, started 2.5 s later (8 retries allowed)
  SCEN=recovery; app_start REDIS_URL=redis://$KV:6379 REDIS_MAX_RETRIES=8
  sleep 2.5; kv_start recovery
  app_wait && traffic; sleep 1; app_stop; kv_stop; }
runtime_drop() {  # healthy, then SHUTDOWN NOSAVE on the server while serving
  SCEN=runtime-drop; kv_start runtime-drop
  app_start REDIS_URL=redis://$KV:6379
  app_wait && traffic
  NS redis-cli -h $IP -p 6379 shutdown nosave >/dev/null 2>&1; wait "$REDIS_PID" 2>/dev/null; REDIS_PID=
  sleep 4; traffic; sleep 1; app_stop; }
trap 'kv_stop; [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null' EXIT
for s in "${@:-recovery runtime_drop}"; do for t in $s; do "${t//-/_}"; done; done
