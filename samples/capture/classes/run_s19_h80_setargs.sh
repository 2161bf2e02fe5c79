#!/bin/sh
# Session 19 (h80, heldout78's class): what a current redis-server replies to a SET that is refused for its number of
# arguments, and to a GET refused the same way. 'ERR wrong number of arguments for 'set' command' is the reply of a
# Redis older than 2.6.12 to SET's options (EX, PX, NX, XX: public heldout78 tj/connect-redis#164, weyoss/redis-smq#13);
# on a newer server the same words mean a SET sent with no value, and the options are accepted (shown here).
# Prints each command after a '=== ' marker: samples/raw/classes/session19-h80-setargs.log.
# Needs: redis-server and redis-cli (Debian's redis 7.0.15). Starts its own server on 127.0.0.1:${PORT:-10001}.
set -u
PORT=${PORT:-10001}
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 &
srv=$!
sleep 1
echo "=== $(redis-server --version | cut -d' ' -f1-3)"
for cmd in "SET session:abc" "SET session:abc v EX 60 NX" "GET"; do
  echo "=== redis-cli $cmd"
  # shellcheck disable=SC2086
  redis-cli -p "$PORT" $cmd 2>&1
done
kill "$srv"
