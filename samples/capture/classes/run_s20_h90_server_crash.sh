#!/bin/sh
# Session 20 (h90): redis-server 7.0 crashing after it started, real output for
# rules/redis/server/redis-server-start-failed.yaml ('or it crashed'): DEBUG SEGFAULT ('Redis 7.0.15 crashed by signal:
# 11') and DEBUG ASSERT ('=== ASSERTION FAILED ==='), each server on its own port of h90's range (11001, 11002), its log
# cut before the crash report's stack trace (the trace and the INFO dump that follow are left out). One file each: the
# report's own '=== REDIS BUG REPORT START' line would split a sectioned capture.
# Output: samples/raw/classes/session20-h90-server-segfault.log, samples/raw/classes/session20-h90-server-assert.log
here=$(cd "$(dirname "$0")" && pwd); raw="$here/../../raw/classes"
tmp=$(mktemp -d)
crash() {  # port, DEBUG subcommand, output file
  redis-server --port "$1" --save '' --appendonly no --dir "$tmp" --logfile "$tmp/$1.log" --daemonize yes \
    --enable-debug-command yes
  sleep 0.5
  redis-cli -p "$1" DEBUG "$2" >/dev/null 2>&1
  sleep 1
  sed -n '1,/------ STACK TRACE ------/p' "$tmp/$1.log" | grep -v '^------ STACK TRACE' > "$3"
}
crash 11001 SEGFAULT "$raw/session20-h90-server-segfault.log"
crash 11002 ASSERT "$raw/session20-h90-server-assert.log"
rm -rf "$tmp"
cat "$raw/session20-h90-server-segfault.log" "$raw/session20-h90-server-assert.log"
