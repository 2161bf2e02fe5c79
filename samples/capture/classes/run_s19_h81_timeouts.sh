#!/bin/sh
# Session 19 (h81, heldout79's class): the replies of redis-server to a blocking command's timeout it cannot take and
# to WAIT's (milliseconds, a whole number) given a fraction. Redis 6.0 made blocking timeouts decimal; before it, a
# fractional BLPOP/BRPOPLPUSH timeout got 'ERR timeout is not an integer or out of range' (public: penpot/penpot#3022,
# OptimalBits/bull#2249). This server is 7.0: it takes BLPOP k 0.5, and says 'not a float' for a non-number and
# 'not an integer' only where the unit is milliseconds. Prints each command after '> ' and redis-cli's reply:
# samples/raw/classes/session19-h81-timeouts.log. Needs redis-server and redis-cli; PORT is a free local port.
set -u
PORT=${PORT:-10101}
dir=$(mktemp -d)
redis-server --port "$PORT" --save '' --appendonly no --daemonize yes --pidfile "$dir/r.pid" --logfile "$dir/r.log"
sleep 0.5
redis-cli -p "$PORT" info server | grep '^redis_version'
for c in "BLPOP k 0.5" "BLPOP k abc" "WAIT 0 1.5" "BRPOPLPUSH a b 0.1"; do
  echo "> $c"; redis-cli -p "$PORT" $c
done
kill "$(cat "$dir/r.pid")"; rm -rf "$dir"
