#!/bin/sh
# Session 12 (heldout46): how the HTTP Redis clients of Node apps on Vercel, Fly and the like word an endpoint variable
# that was never set: @upstash/redis 1.39 and 1.20.1 (Redis.fromEnv() and new Redis({url: process.env...})) and
# @vercel/kv 3.0 and 0.2.1 (its kv proxy), Node 20, installed from npm in $NODE_APP (a folder holding
#   npm install upstash-new@npm:@upstash/redis@1.39.0 upstash-old@npm:@upstash/redis@1.20.1 @vercel/kv@3.0.0 kv-old@npm:@vercel/kv@0.2.1
# ). No server is needed: the client gives up before any request. The folder's path is printed as /app.
# Output: samples/raw/classes/session12-h48.log
here=$(cd "$(dirname "$0")" && pwd)
NODE_APP=${NODE_APP:-.}
cp "$here/rest_env_unset.mjs" "$NODE_APP/run.mjs"
cd "$NODE_APP" || exit 1
for r in upstash-new-fromEnv upstash-old-fromEnv upstash-new-url-undefined upstash-old-url-undefined vercel-kv-3 vercel-kv-0.2; do
  echo "=== node: $r"
  env -u UPSTASH_REDIS_REST_URL -u UPSTASH_REDIS_REST_TOKEN -u KV_REST_API_URL -u KV_REST_API_TOKEN \
    timeout 20 node run.mjs "$r" 2>&1 | sed "s#$PWD#/app#g"
done
