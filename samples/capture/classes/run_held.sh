#!/bin/sh
# Issue 13, session 4 (the held-out batches' last misses, by class): a whole Redis URL given where a host is expected,
# by each client family, and an address no socket can connect to ('connect: invalid argument', EINVAL).
# Debian 12, as root:  W=/tmp/held sh run_held.sh   -> writes samples/raw/classes/url-as-host-einval.log and
#   read-timeout-crash.log (needs redis-server too)
# Needs: apt-get install php-cli php-redis php-nrk-predis default-jdk-headless ruby-redis golang-go iproute2 ;
#        python3 -m venv $W/venv && $W/venv/bin/pip install redis ; (cd $W && npm install ioredis redis) ;
#        the files of this folder copied to $W ; go-redis v5: ../go/main.go built with
#        GO111MODULE=off GOPATH=/usr/share/gocode go build -o $W/goredis ../go/main.go
# No redis-server is needed: every case fails before reaching one. EINVAL: the public paste's 0.0.0.172 gave it on
# older kernels; Linux 6.x routes 0.0.0.0/8 like any address, so the capture uses the other address connect()
# refuses with EINVAL: a link-local IPv6 address without its interface (fe80::1), in a network namespace with one
# veth pair (so that a link-local route exists) and nothing else.
set -u
OUT=${OUT:-$(cd "$(dirname "$0")/../../raw/classes" && pwd)}
cd "$W"
{
echo "=== a whole URL where the host goes: redis-py"
$W/venv/bin/python url_as_host.py 2>&1
echo "=== a whole URL where the host goes: Predis 1.1 (Debian) and phpredis"
php url_as_host.php 2>&1
echo "=== a whole URL where the host goes: ioredis and node-redis"
node url_as_host.js 2>&1
echo "=== a whole URL where the host goes: the JVM"
javac JavaHost.java && java JavaHost "redis://127.0.0.1:6379" "rediss://default:pw@red-d0cjkelq67qs70c2kvup" 2>&1
echo "=== a whole URL where the host goes: redis-rb 4.8 (Debian)"
echo "--- redis-rb Redis.new(host: 'redis://127.0.0.1:6379').ping"
ruby -rredis -e "begin; Redis.new(host: 'redis://127.0.0.1:6379', connect_timeout: 1.5, reconnect_attempts: 0).ping; rescue => e; puts \"#{e.class}: #{e.message}\"; end" 2>&1
echo "=== an address connect() refuses (EINVAL): [fe80::1]:6379, in unshare -n"
W=$W unshare -n sh einval_ns.sh
} > "$OUT/url-as-host-einval.log" 2>&1
# A read timeout that ends the process (issue 13: a pool/read timeout then a crash is failing, not degraded):
# redis-server on 127.0.0.1:16492, the app above, the server stopped with SIGSTOP after two seconds; the exit
# status is printed as Render's platform line prints it.
redis-server --port 16492 --save '' --appendonly no > /dev/null 2>&1 & S=$!
sleep 1
$W/venv/bin/python py_read_timeout.py 16492 > "$OUT/read-timeout-crash.log" 2>&1 & A=$!
sleep 2; kill -STOP $S
wait $A; echo "==> Exited with status $?" >> "$OUT/read-timeout-crash.log"
kill -CONT $S; kill $S
