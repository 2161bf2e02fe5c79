#!/usr/bin/env bash
# Sentinel captures (samples/raw/sentinel/): a redis-server and a Sentinel monitoring it as "mymaster" on free ports of
# 127.0.0.1; each client asks a closed port (no Sentinel at all: "unreachable") and the real Sentinel for a master it
# does not monitor ("othermaster": "no such master"). Needs redis-server 7, node + ioredis 5 (npm i ioredis@5),
# a venv with redis 8 (pip install redis), Debian's ruby-redis 4.8 and golang-gopkg-redis.v5-dev.
set -u
here=$(cd "$(dirname "$0")" && pwd); out=${1:-$here/../../raw/sentinel}; work=$(mktemp -d)
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
P2=$(free); P3=$(free); closed=$(free)
redis-server --port "$P2" --save "" >"$work/server.log" 2>&1 & server=$!
printf 'port %s\nsentinel monitor mymaster 127.0.0.1 %s 1\n' "$P3" "$P2" >"$work/sentinel.conf"
redis-server "$work/sentinel.conf" --sentinel >"$work/sentinel.log" 2>&1 & sentinel=$!
sleep 1.5
SENTINEL_PORT=$closed node "$here/ioredis-sentinel.js" >"$out/sentinel-ioredis-unreachable.log" 2>&1
SENTINEL_PORT=$P3 MASTER=othermaster node "$here/ioredis-sentinel.js" >"$out/sentinel-ioredis-no-such-master.log" 2>&1
SENTINEL_PORT=$closed python "$here/sentinel_py.py" >"$out/sentinel-py-unreachable.log" 2>&1
SENTINEL_PORT=$P3 MASTER=othermaster python "$here/sentinel_py.py" >"$out/sentinel-py-no-such-master.log" 2>&1
SENTINEL_PORT=$closed ruby "$here/sentinel_rb.rb" >"$out/sentinel-rb-unreachable.log" 2>&1
SENTINEL_PORT=$P3 MASTER=othermaster ruby "$here/sentinel_rb.rb" >"$out/sentinel-rb-no-such-master.log" 2>&1
GO111MODULE=off GOPATH=/usr/share/gocode go build -o "$work/sentinelgo" "$here/sentinel.go"
MASTER=mymaster SENTINEL_ADDR=127.0.0.1:$closed "$work/sentinelgo" >"$out/sentinel-go-unreachable.log" 2>&1
MASTER=othermaster SENTINEL_ADDR=127.0.0.1:$P3 "$work/sentinelgo" >"$out/sentinel-go-no-such-master.log" 2>&1
MASTER=mymaster SENTINEL_ADDR=127.0.0.1:$P3 "$work/sentinelgo" >"$out/sentinel-go-ok.log" 2>&1
kill "$sentinel" "$server"; rm -rf "$work"
