#!/bin/sh
# Session 8, heldout14's classes (Debian 12: redis-server 7.0.15, Node 20, node_redis 3.1.2: `npm install redis@3.1.2`
# in a folder of its own, NODE_PATH pointing at its node_modules). Every port is a free one the kernel gave.
# Output: samples/raw/classes/session8-h14.log
here=$(dirname "$0")
tmp=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
p=$(free_port)
redis-server --port "$p" --bind 127.0.0.1 --save '' --appendonly no --dir "$tmp" > "$tmp/srv.log" 2>&1 &
pid=$!
sleep 0.5
echo "=== node_redis 3.1.2 (npm redis@3.1.2), Node $(node --version): quit() while a BLPOP is pending, then the connection ends (CLIENT KILL from a second client)"
REDIS_URL="redis://127.0.0.1:$p" node "$here/nr3_quit_pending.js" 2>&1
echo
echo "=== node_redis 3.1.2: a GET after quit(), and a GET pending when end(true) is called"
REDIS_URL="redis://127.0.0.1:$p" node "$here/nr3_quit_then_get.js" 2>&1
kill "$pid"
wait "$pid" 2>/dev/null
rm -rf "$tmp"
