#!/usr/bin/env bash
# Clean-log corpus: ordinary, healthy output of each stack, captured from real programs.
# Not run by CI. Scratch dir $WORK (default /work/capture2); raw output -> samples/raw/clean/<stack>.log
# after cutting the shutdown lines our SIGINT/SIGTERM caused (see cut_before), then format_clean.sh.
# Redis for the workers: a local redis-server on 127.0.0.1:6399, reached through the Render-style
# hostname red-d1abc2def3ghi4jkl5mn (/etc/hosts, see ../run_all.sh). Workers run as `nobody`, as
# Render runs services as a non-root user. Venv: /usr/bin/python3 -m venv + requirements.txt here.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); WORK=${WORK:-/work/capture2}; RAW=$WORK/raw; mkdir -p "$RAW"
PYV=$WORK/venv/bin; KV=redis://red-d1abc2def3ghi4jkl5mn:6399
as_app() { setsid runuser -u nobody -- env HOME=/tmp PYTHONUNBUFFERED=1 "$@"; }
stop_group() { local p; p=$(pgrep -f "$1" | head -1); [ -n "$p" ] && kill "-${2:-INT}" -- "-$(ps -o pgid= -p "$p" | tr -d ' ')"; }

express() {  # Express 4.22.3 + morgan 1.10.0, no Redis
  cp -r "$HERE/express" "$WORK/" && (cd "$WORK/express" && npm ci --no-audit --no-fund)
  (cd "$WORK/express" && NODE_ENV=production PORT=10100 node server.js > "$RAW/express.log" 2>&1 &); sleep 1.5
  for _ in 1 2; do for u in /api/health /api/products /api/products/2 /api/products/9; do curl -s -o /dev/null "localhost:10100$u"; done
    curl -s -o /dev/null -H 'content-type: application/json' -d '{"productId":2}' localhost:10100/api/orders
    curl -s -o /dev/null localhost:10100/favicon.ico; sleep 0.3; done; curl -s -o /dev/null localhost:10100/api/health
  stop_group 'node server.js'; }
django_runserver() {  # Django 5.2.19 development server (DEBUG=True, console LOGGING at INFO)
  cp -r "$HERE/django" "$WORK/" && (cd "$WORK/django" && "$PYV/python" manage.py migrate -v0)
  (cd "$WORK/django" && as_app "$PYV/python" manage.py runserver 0.0.0.0:10101 > "$RAW/django-runserver.log" 2>&1 &); sleep 3
  for _ in 1 2; do for u in /api/health /api/articles /favicon.ico /admin/login/; do curl -s -o /dev/null "localhost:10101$u"; done; sleep 0.4; done
  stop_group 'runserver 0.0.0.0:10101'; }
django_gunicorn() {  # the same site under gunicorn 27.0.1 with an access log
  (cd "$WORK/django" && as_app "$PYV/gunicorn" mysite.wsgi --bind 0.0.0.0:10102 --workers 2 --access-logfile - > "$RAW/django-gunicorn.log" 2>&1 &); sleep 2.5
  for _ in 1 2 3; do curl -s -o /dev/null localhost:10102/api/health; curl -s -o /dev/null -A 'Mozilla/5.0' localhost:10102/api/articles; sleep 0.3; done
  curl -s -o /dev/null localhost:10102/robots.txt; stop_group 'gunicorn mysite.wsgi' TERM; }
celery() {  # Celery 5.6.3 worker, broker + result backend on the Key Value; 2 x 5 tasks succeed
  (cd "$HERE/celery" && as_app env REDIS_URL=$KV/0 "$PYV/celery" -A tasks worker --loglevel=INFO --concurrency=2 > "$RAW/celery-worker.log" 2>&1 &); sleep 5
  (cd "$HERE/celery" && REDIS_URL=$KV/0 "$PYV/python" enqueue.py && sleep 1 && REDIS_URL=$KV/0 "$PYV/python" enqueue.py); sleep 1.5
  stop_group 'celery -A tasks worker' TERM; }
rq() {  # RQ 2.6.0 worker; 2 x 3 jobs succeed
  (cd "$HERE/rq" && as_app "$PYV/rq" worker --url $KV/1 > "$RAW/rq-worker.log" 2>&1 &); sleep 2.5
  (cd "$HERE/rq" && REDIS_URL=$KV/1 "$PYV/python" enqueue.py && sleep 1 && REDIS_URL=$KV/1 "$PYV/python" enqueue.py); sleep 1
  stop_group 'rq worker --url'; }
sidekiq() {  # Debian ruby-sidekiq 6.4.1 + ruby-redis 4.8.0 (their deprecation warnings are part of it)
  (cd "$HERE/sidekiq" && as_app env REDIS_URL=$KV/2 sidekiq -r ./worker.rb -c 2 -e production > "$RAW/sidekiq-worker.log" 2>&1 &); sleep 3
  (cd "$HERE/sidekiq" && REDIS_URL=$KV/2 ruby enqueue.rb; sleep 2; REDIS_URL=$KV/2 ruby enqueue.rb); sleep 2
  stop_group 'sidekiq' TERM; }
rails() {  # Debian ruby-railties 6.1.7 + puma 5.6.5, production logger to stdout with request ids
  (cd "$HERE/rails" && as_app env RAILS_ENV=production RAILS_LOG_TO_STDOUT=1 puma -p 10103 -e production config.ru > "$RAW/rails-puma.log" 2>&1 &); sleep 5
  for _ in 1 2; do for u in /up /api/products /api/products/2 /api/products/9; do curl -s -o /dev/null "localhost:10103$u"; done
    curl -s -o /dev/null -H 'content-type: application/json' -d '{"product_id":2}' localhost:10103/api/orders; sleep 0.3; done
  stop_group 'puma' TERM; }

redis-server --bind 127.0.0.1 --port 6399 --save '' --appendonly no --dir "$WORK" --daemonize yes --pidfile "$WORK/r6399.pid"
for s in "${@:-express django_runserver django_gunicorn celery rq sidekiq rails}"; do for t in $s; do "$t"; sleep 2; done; done
kill "$(cat "$WORK/r6399.pid")"
# then: cut the lines our stop signal caused and copy to samples/raw/clean/ (express-morgan.log, django-runserver.log,
# django-gunicorn.log, celery-worker.log, rq-worker.log, sidekiq-worker.log, rails-puma.log), and run format_clean.sh
