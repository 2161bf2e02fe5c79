#!/bin/sh
# Session 18 (h76): redis-server 7.0 refusing to start on its configuration, real output for
# rules/redis/server/redis-server-start-failed.yaml: a config file that does not exist ('Fatal error, can't open config
# file'), a directive it does not know ('*** FATAL CONFIG FILE ERROR' ... 'Bad directive or wrong number of arguments').
# Output: samples/raw/classes/session18-h76-server-config.log
here=$(cd "$(dirname "$0")" && pwd); out="$here/../../raw/classes/session18-h76-server-config.log"
tmp=$(mktemp -d)
printf 'port 9601\nfoo bar\n' > "$tmp/bad.conf"
{
  echo "=== redis-server $tmp/missing.conf (no such file)"
  redis-server "$tmp/missing.conf" 2>&1
  echo "=== redis-server bad.conf (an unknown directive on line 2)"
  redis-server "$tmp/bad.conf" 2>&1
} > "$out"
rm -rf "$tmp"
cat "$out"
