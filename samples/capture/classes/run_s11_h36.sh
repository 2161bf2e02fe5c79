#!/bin/sh
# Session 11 (heldout34): how Node's Redis clients word a port setting that is not a port (an env value left at its
# .env example's placeholder, an empty one read with parseInt, one out of range): Node 20, node-redis 4.7 and ioredis 5
# from npm ($NODE_APP: a folder whose node_modules holds them), and redis-py 8.2 from PyPI ($PYTHON: an interpreter
# that imports it) given such a port in a URL and as its port argument. No server is needed: the client refuses the
# port before any packet is sent. Output: samples/raw/classes/session11-h36.log
here=$(cd "$(dirname "$0")" && pwd)
NODE_APP=${NODE_APP:-.}
PYTHON=${PYTHON:-python3}
for c in node-redis ioredis; do
  for p in "ur redis port" EMPTY 70000; do
    echo "=== node: $c port=$p"
    NODE_PATH="$NODE_APP/node_modules" timeout 10 node "$here/bad_port.js" "$c" "$p" 2>&1
  done
done
for a in "url redis://127.0.0.1:ur-redis-port/0" "url redis://127.0.0.1:70000/0" "arg ur-redis-port" "arg 70000"; do
  echo "=== python: redis-py $a"
  set -- $a
  timeout 10 "$PYTHON" "$here/bad_port.py" "$1" "$2" 2>&1
done
