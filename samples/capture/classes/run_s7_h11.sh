#!/bin/sh
# Session 7, heldout11's classes (Debian 12: redis-server 7.0.15, PHP 8.2 with php-redis 5.3.7). Every port is a free
# one the kernel gave. Output: samples/raw/classes/session7-h11.log
here=$(dirname "$0")
tmp=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
p=$(free_port)
redis-server --port "$p" --save '' --appendonly no --dir "$tmp" > "$tmp/srv.log" 2>&1 &
pid=$!
sleep 0.5
echo "=== redis-cli $(redis-cli --version | cut -d' ' -f2), a Lua script calling a command the server does not know, then GET without its key"
redis-cli -p "$p" EVAL "return redis.call('NOSUCHCMD', KEYS[1])" 1 k
redis-cli -p "$p" EVAL "return redis.call('GET')" 0
echo "=== phpredis $(php -r 'echo phpversion("redis");'), the same two scripts"
php "$here/php_script_reply.php" "$p"
kill "$pid"
wait "$pid" 2>/dev/null
rm -rf "$tmp"
