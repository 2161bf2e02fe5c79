#!/bin/sh
# Session 6, heldout8's classes (Debian 12: Ruby 3.1 with ruby-redis 4.8, PHP 8.2 with php-redis 5.3.7, redis-server
# 7.0.15; run as root for the network namespaces). Every port is a free one the kernel gave. Output:
# samples/raw/classes/session6-h8.log
here=$(dirname "$0")
tmp=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
p=$(free_port)
echo "=== redis-rb, nothing listening on 127.0.0.1:$p"
ruby "$here/rb_errno_lines.rb" "$p"
echo "=== redis-rb, [::1]:6379 in a network namespace with no IPv6 on lo (unshare -n)"
unshare -n ruby "$here/rb_errno_lines.rb" 6379 ::1
echo "=== redis-rb, 10.9.9.9:6379 in a network namespace with only lo up (unshare -n)"
unshare -n sh -c "ip link set lo up; ruby '$here/rb_errno_lines.rb' 6379 10.9.9.9"
p=$(free_port)
redis-server --port "$p" --save '' --dir "$tmp" > "$tmp/srv.log" 2>&1 &
pid=$!
sleep 0.5
echo "=== phpredis $(php -r 'echo phpversion("redis");'), the server killed between two commands"
php "$here/php_gone.php" "$p" "$pid"
wait "$pid" 2>/dev/null
mkdir "$tmp/rdb9" "$tmp/short"
printf 'REDIS0099\377' > "$tmp/rdb9/dump.rdb"
printf 'NOTREDIS' > "$tmp/short/dump.rdb"
p=$(free_port)
echo "=== redis-server, a dump.rdb of a newer format (version 99) in its dir"
timeout 5 redis-server --port "$p" --dir "$tmp/rdb9" 2>&1
echo "=== redis-server, a dump.rdb that is not an RDB file"
timeout 5 redis-server --port "$p" --dir "$tmp/short" 2>&1
echo "=== redis-server, its port already taken"
python3 -c '
import socket, subprocess, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
out = subprocess.run(["timeout", "5", "redis-server", "--port", str(s.getsockname()[1]), "--bind", "127.0.0.1", "--save", ""],
                     capture_output=True, text=True)
sys.stdout.write(out.stdout)'
rm -rf "$tmp"
