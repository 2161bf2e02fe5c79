#!/usr/bin/env bash
# samples/raw/clean/<stack>.log -> samples/clean/<stack>/<stack>.{txt,jsonl,rfc3339.log,cli.log} (4 Render formats).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); S=$(cd "$HERE/../.." && pwd); F=$HERE/../render_format.py
# stack  raw  start command  live-after regex ("-": a background worker, never "live")  port  seed
while IFS='|' read -r stack raw cmd live port seed; do
  [ -z "$stack" ] && continue
  mkdir -p "$S/clean/$stack"; start=$(date -u -d "2026-11-26 08:00:00 UTC + $((seed * 41)) min" +%Y-%m-%dT%H:%M:%SZ)
  for spec in "dashboard txt --tz-offset 1" "api jsonl" "rfc3339 rfc3339.log" "text cli.log"; do
    set -- $spec; fmt=$1; ext=$2; shift 2
    args=(--format "$fmt" --seed "$seed" --start "$start" --start-cmd "$cmd" --port "$port" "$@" -o "$S/clean/$stack/$stack.$ext")
    [ "$live" != "-" ] && args+=(--live-after "$live")
    python3 "$F" "$S/raw/clean/$raw" "${args[@]}"
  done
done <<'TABLE'
express|express-morgan.log|node server.js|Server listening on port|10100|101
django-runserver|django-runserver.log|python manage.py runserver 0.0.0.0:$PORT|Quit the server with CONTROL-C|10101|102
django-gunicorn|django-gunicorn.log|gunicorn mysite.wsgi --workers 2 --access-logfile -|Listening at:|10102|103
celery|celery-worker.log|celery -A tasks worker --loglevel=INFO --concurrency=2|-|10000|104
rq|rq-worker.log|rq worker --url $REDIS_URL|-|10000|105
sidekiq|sidekiq-worker.log|sidekiq -r ./worker.rb -c 2 -e production|-|10000|106
rails|rails-puma.log|puma -p $PORT -e production config.ru|Listening on http|10103|107
TABLE
