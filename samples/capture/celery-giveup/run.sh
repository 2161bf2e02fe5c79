#!/usr/bin/env bash
# Celery 5.6.3 worker (kombu 5.7.0, redis-py 6.4.0; venv from ../clean/requirements.txt) whose broker retries are
# bounded (broker_connection_max_retries=3), against the refusing "Key Value" red-d0cjkelq67qs70c2rfsd (10.0.3.7,
# namespace rtest of ../run_all.sh). The worker gives up by itself ('Unrecoverable error: OperationalError(...)') and
# exits 1, so the whole output is kept. Then the 4 Render formats, with '==> Exited with status 1'.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); S=$(cd "$HERE/../.." && pwd); VENV=${VENV:-/work/capture2/venv}
(cd "$HERE" && runuser -u nobody -- env REDIS_URL=redis://red-d0cjkelq67qs70c2rfsd:6379/0 PYTHONUNBUFFERED=1 HOME=/tmp \
  "$VENV/bin/celery" -A tasks worker --loglevel=INFO --concurrency=1 > "$S/raw/celery/broker-giveup.log" 2>&1) || true
F=$HERE/../render_format.py; R=$S/raw/celery/broker-giveup.log
A=(--seed 91 --start 2026-11-26T08:05:03Z --start-cmd "celery -A tasks worker --loglevel=INFO --concurrency=1" --exit-status 1)
python3 "$F" "$R" --format dashboard --tz-offset 1 "${A[@]}" -o "$S/dashboard/celery/broker-giveup.txt"
python3 "$F" "$R" --format api "${A[@]}" -o "$S/api/celery/broker-giveup.jsonl"
python3 "$F" "$R" --format rfc3339 "${A[@]}" -o "$S/plain/celery/broker-giveup.rfc3339.log"
python3 "$F" "$R" --format text "${A[@]}" -o "$S/plain/celery/broker-giveup.cli.log"
