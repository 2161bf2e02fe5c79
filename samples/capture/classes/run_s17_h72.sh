#!/bin/sh
# Session 17 (h72): Symfony 5.4's DSN checks and its Sentinel lookup, real output for rules/redis/config/redis-url-*.yaml
# and redis-sentinel-no-master.yaml. A redis-server on 127.0.0.1:9200 and a Sentinel on 9201 that monitors 'othermaster'
# (the DSN asks for 'mymaster'). Output: samples/raw/classes/session17-h72-symfony.log
set -e
here=$(cd "$(dirname "$0")" && pwd); out="$here/../../raw/classes/session17-h72-symfony.log"
tmp=$(mktemp -d)
redis-server --port 9200 --bind 127.0.0.1 --save '' --daemonize yes --pidfile "$tmp/r.pid" --logfile "$tmp/r.log"
printf 'port 9201\nbind 127.0.0.1\nsentinel monitor othermaster 127.0.0.1 9200 1\n' > "$tmp/s.conf"
redis-server "$tmp/s.conf" --sentinel --daemonize yes --pidfile "$tmp/s.pid" --logfile "$tmp/s.log"
sleep 1
php "$here/symfony_dsn.php" 127.0.0.1:9201 > "$out" 2>&1 || true
kill "$(cat "$tmp/s.pid")" "$(cat "$tmp/r.pid")"
rm -rf "$tmp"
cat "$out"
