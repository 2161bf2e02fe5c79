#!/bin/sh
# Session 12, heldout44's classes (Debian 12: redis-server 7.0.15, Go 1.19 with gopkg.in/redis.v5 5.2.9; run as root,
# the permission cases as nobody). A Redis unix socket the server could not create, and a Go client dialling a unix
# socket that is missing, refused or not its to open. Output: samples/raw/classes/session12-h46.log
here=$(dirname "$0")
tmp=$(mktemp -d)
chmod 755 "$tmp"
(cd "$here/unixgo" && GO111MODULE=off GOPATH=/usr/share/gocode go build -o "$tmp/unixgo" main.go)
echo "=== redis-server, unixsocket in a directory that does not exist (port 0: the socket is its only listener)"
timeout 3 redis-server --port 0 --unixsocket "$tmp/nodir/redis.sock" --save '' --dir "$tmp" 2>&1
mkdir "$tmp/private" && chmod 700 "$tmp/private"
echo "=== redis-server as nobody, unixsocket in a directory only root may write"
timeout 3 runuser -u nobody -- redis-server --port 0 --unixsocket "$tmp/private/redis.sock" --save '' --dir /tmp 2>&1
echo "=== go-redis v5, the socket file does not exist"
"$tmp/unixgo" "$tmp/nodir/redis.sock" 2>&1
echo "=== go-redis v5, a socket file nobody listens on (left by a server that died)"
python3 -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])" "$tmp/redis-stale.sock"
"$tmp/unixgo" "$tmp/redis-stale.sock" 2>&1
redis-server --port 0 --unixsocket "$tmp/private/redis.sock" --unixsocketperm 700 --save '' --dir "$tmp" > "$tmp/srv.log" 2>&1 &
pid=$!
sleep 0.5
echo "=== go-redis v5 as nobody, the server's socket is root's (unixsocketperm 700 in a 700 directory)"
chmod 711 "$tmp/private"
runuser -u nobody -- "$tmp/unixgo" "$tmp/private/redis.sock" 2>&1
echo "=== go-redis v5 as root, the same socket"
"$tmp/unixgo" "$tmp/private/redis.sock" 2>&1
kill "$pid"; wait "$pid" 2>/dev/null
echo "=== Go net.Dial, PostgreSQL's socket in a directory that does not exist (not Redis)"
(cd "$here/unixdial" && GO111MODULE=off go build -o "$tmp/unixdial" main.go)
"$tmp/unixdial" "$tmp/postgresql/.s.PGSQL.5432" 2>&1
rm -rf "$tmp"
# A client in Sentinel mode given a Redis server's own address (harbor-operator's redis+sentinel:// URL on a plain
# Redis, public heldout44 goharbor/harbor-operator#1008): the server knows no SENTINEL command. The clients of
# samples/capture/sentinel/ (ioredis 5 under $IOREDIS_DIR, redis-py under $PYVENV, go-redis v5).
IOREDIS_DIR=${IOREDIS_DIR:-/tmp/h31app}
PYVENV=${PYVENV:-/tmp/lead/acl/venv}
sdir=$(cd "$here/../sentinel" && pwd)
tmp=$(mktemp -d)
p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$p" --save '' --dir "$tmp" > "$tmp/srv.log" 2>&1 &
pid=$!
sleep 0.5
echo "=== ioredis, sentinels: [the Redis server], name mymaster"
NODE_PATH="$IOREDIS_DIR/node_modules" SENTINEL_PORT=$p node "$sdir/ioredis-sentinel.js" 2>&1
echo "=== redis-py, Sentinel([the Redis server]).master_for('mymaster')"
SENTINEL_PORT=$p "$PYVENV/bin/python" "$sdir/sentinel_py.py" 2>&1
echo "=== go-redis v5, NewFailoverClient with SentinelAddrs [the Redis server]"
GO111MODULE=off GOPATH=/usr/share/gocode go build -o "$tmp/sentinelgo" "$sdir/sentinel.go"
MASTER=mymaster SENTINEL_ADDR=127.0.0.1:$p "$tmp/sentinelgo" 2>&1
kill "$pid"; wait "$pid" 2>/dev/null
rm -rf "$tmp"
