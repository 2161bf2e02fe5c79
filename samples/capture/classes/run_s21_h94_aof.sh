#!/bin/sh
# Session 21 (h94): redis-server 7.0 refusing to start on its append-only file, real output for
# rules/redis/server/redis-server-start-failed.yaml: an incr AOF that is no AOF ('Bad file format reading the append only
# file'), a truncated one with aof-load-truncated off ('Unexpected end of file reading the append only file'), an
# appendonlydir its user may not create ('Can't open or create append-only dir'), a manifest that is no manifest
# ('*** FATAL AOF MANIFEST FILE ERROR ***'); then the default aof-load-truncated yes on the truncated file, which loads.
# Ports 11401-11405 (helper h94's range). Output: samples/raw/classes/session21-h94-aof.log
here=$(cd "$(dirname "$0")" && pwd); out="$here/../../raw/classes/session21-h94-aof.log"
tmp=$(mktemp -d); chmod 755 "$tmp"
mkdir -p "$tmp/d1/appendonlydir" "$tmp/d2/appendonlydir" "$tmp/d3" "$tmp/d4/appendonlydir" "$tmp/d5/appendonlydir"
printf 'file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n' > "$tmp/d1/appendonlydir/appendonly.aof.manifest"
: > "$tmp/d1/appendonlydir/appendonly.aof.1.base.rdb"
printf '*2\r\n$3\r\nGET\r\nxx garbage\r\n' > "$tmp/d1/appendonlydir/appendonly.aof.1.incr.aof"
printf 'file appendonly.aof.1.incr.aof seq 1 type i\n' > "$tmp/d2/appendonlydir/appendonly.aof.manifest"
printf '*3\r\n$3\r\nSET\r\n$1\r\na\r\n$5\r\nhel' > "$tmp/d2/appendonlydir/appendonly.aof.1.incr.aof"
cp -r "$tmp/d2/appendonlydir/." "$tmp/d5/appendonlydir/"
chmod 555 "$tmp/d3"
printf 'garbage line\n' > "$tmp/d4/appendonlydir/appendonly.aof.manifest"
{
  echo "=== an incr AOF that is no AOF"
  timeout 5 redis-server --port 11401 --dir "$tmp/d1" --appendonly yes --save '' 2>&1
  echo "=== a truncated AOF, aof-load-truncated no"
  timeout 5 redis-server --port 11402 --dir "$tmp/d2" --appendonly yes --aof-load-truncated no --save '' 2>&1
  echo "=== appendonlydir in a directory the server's user (nobody) may not write"
  timeout 5 setpriv --reuid=nobody --regid=nogroup --clear-groups redis-server --port 11403 --dir "$tmp/d3" --appendonly yes --save '' 2>&1
  echo "=== a manifest that is no manifest"
  timeout 5 redis-server --port 11404 --dir "$tmp/d4" --appendonly yes --save '' 2>&1
  echo "=== the truncated AOF again with the default aof-load-truncated yes (it loads; stopped after 2 s)"
  timeout 2 redis-server --port 11405 --dir "$tmp/d5" --appendonly yes --save '' 2>&1
} > "$out"
chmod -R u+w "$tmp"; rm -rf "$tmp"
cat "$out"
