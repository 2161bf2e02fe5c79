#!/bin/sh
# Session 10, heldout23's classes (Debian 12: redis-server 7.0.15; Python 3.11 with redis-py 8.2.0 from PyPI in a venv
# named by $PY, default python3). Loopback only: a redis-server on 127.0.0.1:6425 started and stopped here; nothing
# listens on 6426 or 6427.
# Output: samples/raw/classes/session10-h23.log
PY=${PY:-python3}
dir=/tmp/rla-s10-h23
rm -rf "$dir"; mkdir -p "$dir"
redis-server --port 6425 --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --daemonize yes --pidfile "$dir/r.pid" \
  --logfile "$dir/redis.log"
sleep 1
echo "=== redis-py $("$PY" -c 'import redis; print(redis.__version__)'): a BLPOP blocked on 127.0.0.1:6425 when another client sends REPLICAOF 127.0.0.1 6426, then a SET (the blocked call's last two frames)"
"$PY" - <<'PYEOF'
import threading, time, traceback, redis
def blocked():
    try:
        redis.Redis(port=6425).blpop("queue", timeout=10)
    except Exception:
        traceback.print_exc(limit=-2)
t = threading.Thread(target=blocked); t.start(); time.sleep(0.5)
redis.Redis(port=6425).execute_command("REPLICAOF", "127.0.0.1", "6426")
t.join()
try:
    redis.Redis(port=6425).set("k", "v")
except Exception as e:
    print(type(e).__module__ + "." + type(e).__name__ + ": " + str(e))
PYEOF
echo "=== the server's own lines"
grep REPLICAOF "$dir/redis.log"
kill "$(cat "$dir/r.pid")"
echo "=== redis-py: Redis(host=None, port=6427).ping() (a host setting read from an unset variable), traceback tail"
"$PY" -c "import os, redis; redis.Redis(host=os.environ.get('RLA_UNSET_REDIS_HOST'), port=6427).ping()" 2>&1 | tail -1
echo "=== redis-py: from_url(f'redis://{None}:6427') (an f-string of an unset variable), traceback tail"
"$PY" -c "import os, redis; redis.from_url(f\"redis://{os.environ.get('RLA_UNSET_REDIS_HOST')}:6427\").ping()" 2>&1 | tail -1
echo "=== redis-py: from_url() of a URL whose password holds '#' (not percent-encoded), whole traceback"
"$PY" -c "import redis; redis.from_url('redis://:s3cr#t@redis:6379/0').ping()" 2>&1
rm -rf "$dir"
