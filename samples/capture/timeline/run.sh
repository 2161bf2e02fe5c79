#!/usr/bin/env bash
# A real outage in real time, for the timeline pictures (issue 18): two instances of the node-app
# (samples/capture/node-app) on a Key Value (redis-server) at 10.0.5.9 in network namespace `rtl`,
# traffic every 2 s; the Key Value is shut down (SHUTDOWN NOSAVE) while serving, a fix is deployed
# (a "==> Deploying..." line) and the Key Value comes back; the clients reconnect by themselves
# (REDIS_MAX_RETRIES=1000). Every line is stamped with the wall clock the moment it was printed, in
# the dashboard's form "08:46:05 PM [inst] msg" (times are real, not synthetic). Needs root.
#   samples/capture/timeline/run.sh OUT.txt
set -u
OUT=${1:?output file}; WORK=${WORK:-/tmp/rla-timeline}; APP_DIR=${APP_DIR:-/opt/render/project/src}
KV=red-d0cjkelq67qs70c2kvup; IP=10.0.5.9
mkdir -p "$WORK"; : > "$OUT"
NS() { ip netns exec rtl "$@"; }
if ! ip netns list | grep -q '^rtl'; then ip netns add rtl; NS ip link set lo up; NS ip addr add $IP/32 dev lo; fi
mkdir -p /etc/netns/rtl; printf '127.0.0.1 localhost\n%s %s\n' "$IP" "$KV" > /etc/netns/rtl/hosts
stamp() {  # prefix each line with the time it was printed and the instance, as the dashboard shows it
  python3 -u -c '
import sys, time
inst, out = sys.argv[1], open(sys.argv[2], "a", buffering=1)
for line in sys.stdin:
    prefix = time.strftime("%I:%M:%S %p") + (f" [{inst}]" if inst else "")
    out.write(f"{prefix} {line.rstrip()}\n")' "$1" "$OUT"; }
say() { echo "$1" | stamp ""; }
REDIS_PID=; PIDS=()
kv_start() { NS redis-server --bind $IP --port 6379 --protected-mode no --save '' --appendonly no --dir "$WORK" --logfile "$WORK/server.log" & REDIS_PID=$!; sleep 0.7; }
app_start() {  # $1 instance id, $2 port; the app's pid (exec keeps it) goes to $WORK/$1.pid
  (cd "$APP_DIR" && echo $BASHPID > "$WORK/$1.pid" && exec ip netns exec rtl env NODE_ENV=production PORT=$2 REDIS_URL=redis://$KV:6379 REDIS_MAX_RETRIES=1000 node server.js) 2>&1 | stamp "$1" &
  sleep 0.3; PIDS+=("$(cat "$WORK/$1.pid")"); }
# a request whose Redis command waits for the reconnection would hang: 2 s and it is given up
traffic() { for port in "$@"; do NS curl -s -m 2 -o /dev/null localhost:$port/api/health; NS curl -s -m 2 -o /dev/null localhost:$port/api/files; done; }
cleanup() { for pid in "${PIDS[@]}"; do kill -INT "$pid" 2>/dev/null; done; [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null; wait 2>/dev/null; }
trap cleanup EXIT
say "==> Deploying..."; kv_start
say "==> Running 'node server.js'"; app_start k7p2x 10000; sleep 3
for _ in $(seq 10); do traffic 10000; sleep 2; done           # 20 s healthy, one instance
say "==> Running 'node server.js'"; app_start m4q9z 10001; sleep 3
for _ in $(seq 10); do traffic 10000 10001; sleep 2; done     # 20 s healthy, two instances
NS redis-cli -h $IP -p 6379 shutdown nosave >/dev/null 2>&1; wait "$REDIS_PID" 2>/dev/null; REDIS_PID=
for _ in $(seq 12); do traffic 10000 10001; sleep 2; done     # 12 rounds of requests with the Key Value down
say "==> Deploying..."; kv_start
for _ in $(seq 15); do traffic 10000 10001; sleep 2; done     # ~35 s recovered
