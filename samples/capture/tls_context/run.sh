#!/bin/sh
# TLS failures with and without Redis around them (issue 13, class b), and error entries whose frames or cause come
# as the next log records (class a). Everything runs in a network namespace of its own (unshare -n), so the real
# ports stand: Redis on 6379, its TLS port 6380, an HTTPS API on 443 and a plain HTTP one on 8080, all on 127.0.0.1.
# Debian 12, as root:
#   W=/tmp/splits sh run.sh     -> writes samples/raw/classes/tls-context.log
# Needs: apt-get install redis-server ruby-redis ruby-sidekiq openssl nodejs ;
#        in $W: npm install ioredis@5.11.1 redis@4.7.1 ; python3 -m venv venv && venv/bin/pip install redis==8.2.0 requests==2.32.3
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$(cd "$HERE/../../raw/classes" && pwd)}/tls-context.log
cp "$HERE"/app.js "$HERE"/app.py "$HERE"/sidekiq_jobs.rb "$HERE"/https_fake.py "$W"/
exec unshare -n sh "$HERE/inner.sh" "$W" "$OUT"
