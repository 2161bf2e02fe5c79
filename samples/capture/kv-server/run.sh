#!/bin/sh
# Server-side logs of a real redis-server (Debian 12: 7.0.15) broken on purpose, on 127.0.0.1, for
# the Key Value log diagnosis of `rla doctor` (issue 19). Output: samples/raw/redis-server/kv-*.log.
# Each run starts its own server on its own port and stops it; nothing is left running.
set -u
OUT=${1:-samples/raw/redis-server}
W=$(mktemp -d)
cli() { redis-cli -p "$PORT" "$@" >/dev/null 2>&1; }
start() { redis-server --port "$PORT" --bind 127.0.0.1 --dir "$W" --logfile "$LOG" --daemonize yes \
            --pidfile "$W/$PORT.pid" "$@"; sleep 0.5; }
stop() { cli shutdown nosave || kill "$(cat "$W/$PORT.pid")" 2>/dev/null; sleep 0.5; }

# a restart: SIGTERM (what a platform restart sends), then a start that loads the snapshot
PORT=7301 LOG="$W/restart.log"
start --save 60 1
cli set k v
kill -TERM "$(cat "$W/$PORT.pid")"; sleep 1
start --save 60 1
stop

# MISCONF: a snapshot that cannot be written (its directory removed under the server)
PORT=7302 LOG="$W/misconf.log"
mkdir -p "$W/gone"
redis-server --port $PORT --bind 127.0.0.1 --dir "$W/gone" --logfile "$LOG" --daemonize yes \
  --pidfile "$W/$PORT.pid" --save 60 1; sleep 0.5
rm -rf "$W/gone"
cli set k v; cli bgsave; sleep 1; cli set k2 v2
stop

# maxclients 2: a third client is refused
PORT=7303 LOG="$W/maxclients.log"
start --maxclients 2 --loglevel verbose
( sleep 3 | redis-cli -p $PORT >/dev/null 2>&1 & sleep 3 | redis-cli -p $PORT >/dev/null 2>&1 & sleep 0.3; \
  redis-cli -p $PORT ping; wait ) >"$W/maxclients.client" 2>&1
stop

# OOM: maxmemory 1mb with noeviction, filled
PORT=7304 LOG="$W/oom.log"
start --maxmemory 1mb --maxmemory-policy noeviction
i=0; while [ $i -lt 300 ]; do redis-cli -p $PORT set "k$i" "$(head -c 8000 /dev/zero | tr '\0' x)" >>"$W/oom.client" 2>&1; i=$((i+1)); done
stop

mkdir -p "$OUT"
for f in restart misconf maxclients oom; do cp "$W/$f.log" "$OUT/kv-$f.log"; done
cp "$W/maxclients.client" "$OUT/kv-maxclients.client.txt"; sort -u "$W/oom.client" > "$OUT/kv-oom.client.txt"
rm -rf "$W"
