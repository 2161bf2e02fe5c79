#!/bin/sh
# Wordings of failure classes from the fourth held-out batch (issue 13, session 4): node-redis' own error classes
# printed bare (no frames naming the client in a cut paste), and redis-py naming a unix socket path where the
# endpoint goes. Debian 12, as root:
#   W=/tmp/cls4b sh run_s4b.sh   -> writes samples/raw/classes/session4b.log
# Needs: apt-get install redis-server nodejs npm ; python3 -m venv $W/venv && $W/venv/bin/pip install redis==8.2.0 honcho==2.0.0 ;
#        (cd $W && npm install redis@4.7.1 ioredis@5.4.1) ; the files of this folder copied to $W.
set -u
OUT=${OUT:-$(cd "$(dirname "$0")/../../raw/classes" && pwd)}
cd "$W"
redis-server --port 16410 --save '' --appendonly no > s1.log 2>&1 & R1=$!
rm -f "$W/r.sock"
redis-server --port 0 --unixsocket "$W/r.sock" --enable-debug-command yes --save '' --appendonly no > s2.log 2>&1 & R2=$!
sleep 1
{
echo "=== node-redis 4.7.1, no 'error' listener: the server closes the connection (CLIENT KILL; 127.0.0.1:16410)"
node noderedis_closed.js redis://127.0.0.1:16410 killed
echo "=== node-redis 4.7.1: a command after quit()"
node noderedis_closed.js redis://127.0.0.1:16410 quit
echo "=== redis-py 8.2.0 over a unix socket: the server stops reading (DEBUG SLEEP) and is killed with the request unread"
(redis-cli -s "$W/r.sock" debug sleep 8 > /dev/null 2>&1 &) ; sleep 0.3
$W/venv/bin/python py_unix_reset.py "$W/r.sock" & P=$!
sleep 3; kill -9 $R2; wait $P
echo "=== honcho 2.0.0 (foreman's layout, 'HH:MM:SS name.1 | '): ioredis 5.4.1 dialling an address that never answers, redis-py refused"
unshare -n sh honcho_run.sh
} > "$OUT/session4b.log" 2>&1
kill $R1
