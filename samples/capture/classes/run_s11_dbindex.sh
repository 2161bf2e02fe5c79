#!/bin/sh
# Session 11 (lead): a Redis URL whose path names a database the server does not have (/20 on a server with the
# default 16 databases; /1 on a server with one, as a managed plan that offers only db 0; /1 on a server in cluster
# mode, which has database 0 only), with six clients.
# Prints each client's output after a '=== client' marker: samples/raw/classes/session11-dbindex.log.
# Needs: redis-server 7 (Debian), a venv with redis-py 5.2.1 at $PYVENV, one with celery 5.4.0, kombu 5.7.0, redis-py 6.4.0 at $CELVENV,
# ioredis 5.11.1 and redis 4.7.1 under /tmp/lead/wn/node_modules (edit the .js to yours), Debian's ruby-redis 4.8
# and libredis-perl.
set -u
here=$(cd "$(dirname "$0")/dbindex" && pwd)
PYVENV=${PYVENV:-/tmp/lead/acl/venv}
CELVENV=${CELVENV:-/tmp/lead/cel}
work=$(mktemp -d)
for conf in redis redis1 redis-cluster; do
  redis-server "$here/$conf.conf" --daemonize yes --pidfile "$work/$conf.pid" --logfile "$work/$conf.log" --dir "$work" --cluster-config-file "$work/$conf-nodes.conf"
done
sleep 0.5
cd "$here"
for url in redis://127.0.0.1:16432/20 redis://127.0.0.1:16433/1 redis://127.0.0.1:16434/1; do
  export REDIS_URL=$url
  echo "=== redis-py $url"; "$PYVENV/bin/python" py_dbindex.py 2>&1
  echo "=== ioredis $url"; timeout 5 node ioredis_dbindex.js 2>&1
  echo "=== node-redis $url (stopped after 2 s: it reconnects for ever; the first lines kept)"; timeout 2 node noderedis_dbindex.js 2>&1 | head -n 12
  echo "=== ruby-redis $url"; timeout 5 ruby rb_dbindex.rb 2>&1
  echo "=== perl-redis $url"; perl pl_dbindex.pl 2>&1
  echo "=== celery $url"; (cd "$here" && timeout 20 "$CELVENV/bin/celery" -A celery_dbindex worker --loglevel=INFO --concurrency=1 2>&1)
done
for conf in redis redis1 redis-cluster; do kill "$(cat "$work/$conf.pid")"; done
