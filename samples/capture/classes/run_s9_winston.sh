#!/bin/sh
# Session 9: an app logging its Redis client's 'error' event through winston 3's default JSON format (no
# format.errors()): node-redis 4 as `logger.error('Redis Client Error', { error: err })` (the error's own fields only:
# no message, no stack) and ioredis 5 as `logger.error('redis error', err)` (winston merges the error in). Node 20,
# winston 3, redis 4 and ioredis 5 from npm ($NODE_APP: a folder whose node_modules holds them). A refused port (a
# free one from the kernel, nothing on it) and a Key Value name that does not resolve (.invalid).
# Output: samples/raw/classes/session9-winston.log
here=$(cd "$(dirname "$0")" && pwd)
NODE_APP=${NODE_APP:-.}
p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cd "$NODE_APP" || exit 1
for client in node-redis ioredis; do
  echo "=== $client, refused"
  NODE_PATH="$NODE_APP/node_modules" node "$here/winston_errors.js" "$client" "redis://127.0.0.1:$p"
  echo "=== $client, name not found"
  NODE_PATH="$NODE_APP/node_modules" node "$here/winston_errors.js" "$client" "redis://red-abc123nonexist.invalid:6379"
done
