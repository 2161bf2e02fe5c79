#!/bin/sh
# Session 19 (h80, heldout78's class): upstash_undefined_url.mjs under @upstash/redis 1.18.1 and 1.20.6 (npm), Node 20,
# UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN unset. No server: the client throws in its constructor. Last, the
# same TypeError thrown by an app's own code (node -e), with no client's frame under it.
# Prints each version's output after a '=== ' marker: samples/raw/classes/session19-h80-upstash-url.log.
# Needs: one folder per version with the package installed, $UPDIR/v<version>/node_modules/@upstash/redis
# (npm init -y && npm install @upstash/redis@<version>); the script is copied in, as ESM resolves from its own folder.
set -u
here=$(cd "$(dirname "$0")" && pwd)
UPDIR=${UPDIR:-/tmp/h80/up}
for v in 1.18.1 1.20.6; do
  echo "=== @upstash/redis $v"
  cp "$here/upstash_undefined_url.mjs" "$UPDIR/v$v/app.mjs"
  (cd "$UPDIR/v$v" && env -u UPSTASH_REDIS_REST_URL -u UPSTASH_REDIS_REST_TOKEN node app.mjs 2>&1)
done
# the same TypeError from the app's own code, no Redis client under it (the rule's no_match)
echo "=== node, the app's own undefined"
(cd "$UPDIR" && env -u REDIS_URL node -e 'const url = process.env.REDIS_URL; console.log(url.startsWith("rediss://"))' 2>&1)
