#!/bin/sh
# Session 12, heldout44's classes, second part: a Redis unix socket the app's user may not open (unixsocketperm 700,
# the server running as root, each client as nobody), as self-hosted apps meet it when the web server's user is not in
# the redis group. Debian 12: redis-server 7.0.15, ruby-redis 4.8, php-redis, Go 1.19 with gopkg.in/redis.v5; redis-py
# 5.2.1 under $PYVENV (a venv nobody may run: /usr/bin/python3 -m venv, pip install redis==5.2.1), ioredis 5 under $IOREDIS_DIR.
# Output: samples/raw/classes/session12-h46-perm.log
here=$(cd "$(dirname "$0")" && pwd)
IOREDIS_DIR=${IOREDIS_DIR:-/tmp/h31app}
PYVENV=${PYVENV:-/tmp/h46venv}
tmp=$(mktemp -d)
chmod 711 "$tmp"
(cd "$here/unixgo" && GO111MODULE=off GOPATH=/usr/share/gocode go build -o "$tmp/unixgo" main.go)
mkdir "$tmp/run" && chmod 711 "$tmp/run"
sock="$tmp/run/redis.sock"
redis-server --port 0 --unixsocket "$sock" --unixsocketperm 700 --save '' --dir "$tmp" > "$tmp/srv.log" 2>&1 &
pid=$!
sleep 0.5
as_nobody() { runuser -u nobody -- "$@" 2>&1; }
echo "=== redis-py as nobody, Redis(unix_socket_path=<root's socket>)"
as_nobody "$PYVENV/bin/python" "$here/unix_ping.py" "$sock"
echo "=== redis-rb as nobody, Redis.new(path: <root's socket>)"
as_nobody ruby "$here/unix_ping.rb" "$sock"
echo "=== phpredis as nobody, connect(<root's socket>)"
as_nobody php "$here/unix_ping.php" "$sock"
echo "=== ioredis as nobody, new Redis({ path: <root's socket> })"
as_nobody env NODE_PATH="$IOREDIS_DIR/node_modules" node "$here/unix_ping.js" "$sock"
echo "=== go-redis v5 as nobody, Network unix, <root's socket>"
as_nobody "$tmp/unixgo" "$sock"
echo "=== Go net.Dial as nobody, a root-only socket named docker.sock (not Redis)"
(cd "$here/unixdial" && GO111MODULE=off go build -o "$tmp/unixdial" main.go)
python3 -c "import socket,sys,os,time; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); os.chmod(sys.argv[1], 0o700); s.listen(); time.sleep(3)" "$tmp/run/docker.sock" &
sleep 0.5
as_nobody "$tmp/unixdial" "$tmp/run/docker.sock"
echo "=== redis-py as root, the same socket"
"$PYVENV/bin/python" "$here/unix_ping.py" "$sock" 2>&1
kill "$pid"; wait "$pid" 2>/dev/null
rm -rf "$tmp"
