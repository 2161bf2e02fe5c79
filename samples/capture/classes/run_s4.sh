#!/bin/sh
# Wordings of failure classes from the third held-out batch (issue 13, session 4): structured JSON loggers
# (structlog, pino) printing redis-py and ioredis errors, redis-py 8's exception repr, Predis and phpredis when
# the server drops the connection. Debian 12, as root:
#   W=/tmp/cls4 sh run_s4.sh   -> writes samples/raw/classes/session4.log
# Needs: apt-get install redis-server php-cli php-redis php-nrk-predis php-symfony-console elixir ;
#        python3 -m venv $W/venv && $W/venv/bin/pip install structlog==26.1.0 redis==8.2.0 ;
#        (cd $W && npm install pino@10.4.0 ioredis@6.1.0) ; the files of this folder copied to $W.
set -u
OUT=${OUT:-$(cd "$(dirname "$0")/../../raw/classes" && pwd)}
cd "$W"
redis-server --port 16392 --replicaof 127.0.0.1 16391 --save '' --appendonly no > replica.log 2>&1 & R1=$!
redis-server --port 16393 --maxmemory 1mb --maxmemory-policy noeviction --save '' --appendonly no > oom.log 2>&1 & R2=$!
redis-server --port 16394 --maxclients 1 --save '' --appendonly no > maxclients.log 2>&1 & R3=$!
redis-server --port 16395 --save '' --appendonly no > drop.log 2>&1 & R4=$!
sleep 1
redis-cli -p 16393 config set maxmemory 1 > /dev/null  # below what the empty server uses: every write is refused
(redis-cli -p 16394 blpop never-filled 0 > /dev/null &) ; sleep 0.3
{
echo "=== structlog, redis-py SET to a read-only replica (127.0.0.1:16392)"
$W/venv/bin/python py_structlog.py 127.0.0.1 16392
echo "=== structlog, redis-py SET to a full server (maxmemory, noeviction; 127.0.0.1:16393)"
$W/venv/bin/python py_structlog.py 127.0.0.1 16393 exc
echo "=== structlog, redis-py SET to a server at maxclients (127.0.0.1:16394)"
$W/venv/bin/python py_structlog.py 127.0.0.1 16394 exc
echo "=== pino, ioredis SET to the read-only replica, then a closed port (127.0.0.1:16390)"
node pino_ioredis.js 127.0.0.1 16392
node pino_ioredis.js 127.0.0.1 16390
echo "=== php: Predis and phpredis while the server closes the connection (CLIENT KILL during BLPOP; 127.0.0.1:16395)"
php php_drop.php 127.0.0.1 16395
echo "=== php: phpredis and Predis refused (127.0.0.1:16399), as a Symfony Console command renders them, then with -v"
for c in phpredis predis; do php php_console.php $c 127.0.0.1 16399; php php_console.php $c 127.0.0.1 16399 -v; done
echo "=== elixir 1.14 / OTP 25: gen_tcp's errors (refused 127.0.0.1:16399, an unknown name, a blackholed 10.0.4.8), a GenServer crashing on one"
elixir ex_gen_tcp.exs 127.0.0.1 16399 nxdomain-s4.invalid 10.0.4.8
echo "=== erlang: the same as Erlang prints it"
erl -noshell -eval 'io:format("~p~n", [gen_tcp:connect("127.0.0.1", 16399, [])]), halt().'
} > "$OUT/session4.log" 2>&1
kill $R1 $R2 $R3 $R4
