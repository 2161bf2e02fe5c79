#!/bin/bash
# Session 11 (lead): a Render Key Value's External URL used with redis:// instead of rediss:// (a plaintext client on
# a TLS-only endpoint). In a network namespace of its own (kv11, run as root), the name oregon-keyvalue.render.com
# resolves (its /etc/netns/kv11/hosts) to 10.0.11.9, where a real redis-server 7 listens with TLS only on 6379
# (tls-port 6379, port 0, a self-signed certificate), as the External endpoint does. Four clients are given
# redis://red-d2b9kv0q67qs70c2kvup:<password>@oregon-keyvalue.render.com:6379. Nothing leaves the namespace.
# Prints each client's output after a '=== client' marker: samples/raw/classes/session11-kvexternal.log.
# Needs: redis-server 7 with TLS (Debian), openssl, a venv with redis-py 5.2.1 at $PYVENV, ioredis 5.11.1 and redis
# 4.7.1 under /tmp/lead/wn/node_modules (edit the .js to yours), Debian's ruby-redis 4.8.
set -u
here=$(cd "$(dirname "$0")/kvexternal" && pwd)
PYVENV=${PYVENV:-/tmp/lead/acl/venv}
work=$(mktemp -d)
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 \
  -subj "/CN=oregon-keyvalue.render.com" >/dev/null 2>&1
ip netns add kv11
ip netns exec kv11 ip link set lo up
ip netns exec kv11 ip addr add 10.0.11.9/32 dev lo
mkdir -p /etc/netns/kv11
printf '127.0.0.1 localhost\n10.0.11.9 oregon-keyvalue.render.com\n' > /etc/netns/kv11/hosts
ip netns exec kv11 redis-server --port 0 --tls-port 6379 --bind 10.0.11.9 --tls-cert-file "$work/cert.pem" \
  --tls-key-file "$work/key.pem" --tls-auth-clients no --save "" --daemonize yes --pidfile "$work/r.pid" \
  --logfile "$work/server.log" --dir "$work"
sleep 0.5
export REDIS_URL=redis://red-d2b9kv0q67qs70c2kvup:s3cr3tPassw0rdExample@oregon-keyvalue.render.com:6379
cd "$here"
echo "=== redis-py"; ip netns exec kv11 "$PYVENV/bin/python" py_app.py 2>&1
echo "=== ioredis"; ip netns exec kv11 timeout 5 node ioredis_app.js 2>&1
echo "=== node-redis"; ip netns exec kv11 timeout 5 node noderedis_app.js 2>&1 | head -n 20
echo "=== ruby-redis"; ip netns exec kv11 timeout 10 ruby rb_app.rb 2>&1
echo "=== redis-server (its log)"; cat "$work/server.log" | grep -v '^\s*$' | tail -n 6
kill "$(cat "$work/r.pid")"
ip netns del kv11; rm -rf /etc/netns/kv11
