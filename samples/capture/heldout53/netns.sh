#!/bin/bash
# The h57x network namespace of the heldout53 captures (run as root):
#   10.0.157.9   red-d6h57kv0q67qs70c2kvup      the Key Value: redis-server on 0.0.0.0:6379 (TLS or not, per run)
#   10.0.157.20  api.stripe.com                 an HTTPS API whose certificate a CA nobody trusts signed (ca2)
#   10.0.157.21  dpg-d6h57pg0q67qs70c2pgaa-a    PostgreSQL 15 with ssl = off (md5 password, database app_db)
# TLS files in H53_TLS (default /tmp/h57/tls, made by certs.sh). `netns.sh up` / `netns.sh down`.
set -e
NS=h57x; TLS=${H53_TLS:-/tmp/h57/tls}; PG=/tmp/h57/pg
if [ "$1" = down ]; then
  [ -f /tmp/h57/api.pid ] && kill "$(cat /tmp/h57/api.pid)" 2>/dev/null || true
  ip netns exec $NS su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $PG/data stop -m fast" || true
  ip netns del $NS 2>/dev/null || true; rm -rf /etc/netns/$NS; exit 0
fi
ip netns add $NS
ip netns exec $NS ip link set lo up
for a in 10.0.157.9 10.0.157.20 10.0.157.21; do ip netns exec $NS ip addr add $a/32 dev lo; done
mkdir -p /etc/netns/$NS /opt/render/project/src
cat > /etc/netns/$NS/hosts <<H
127.0.0.1 localhost
10.0.157.9 red-d6h57kv0q67qs70c2kvup
10.0.157.20 api.stripe.com
10.0.157.21 dpg-d6h57pg0q67qs70c2pgaa-a
H
echo "nameserver 127.0.0.53" > /etc/netns/$NS/resolv.conf
# the HTTPS API: a plain 200 behind a certificate from a CA the clients do not have
ip netns exec $NS python3 -c "
import http.server, ssl
s = http.server.HTTPServer(('10.0.157.20', 443), http.server.SimpleHTTPRequestHandler)
c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); c.load_cert_chain('$TLS/api.crt', '$TLS/api.key')
s.socket = c.wrap_socket(s.socket, server_side=True); s.serve_forever()" >/dev/null 2>&1 & echo $! > /tmp/h57/api.pid
# PostgreSQL without SSL
if [ ! -d $PG/data ]; then
  mkdir -p $PG && chown postgres $PG
  su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $PG/data -U postgres --auth=trust" >/dev/null
  echo "host all all 0.0.0.0/0 md5" >> $PG/data/pg_hba.conf
fi
ip netns exec $NS su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $PG/data -l $PG/log -o \"-c listen_addresses=10.0.157.21 -c ssl=off -c unix_socket_directories=$PG\" start" >/dev/null
sleep 2
ip netns exec $NS su postgres -c "psql -h $PG -c \"CREATE ROLE app LOGIN PASSWORD 'pgpassw0rd'\" -c 'CREATE DATABASE app_db OWNER app'" >/dev/null 2>&1 || true
