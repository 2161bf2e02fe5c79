#!/bin/sh
# Session 11 (lead): replies of a running server that no rule named: a command the provider disabled (CONFIG, KEYS
# renamed to "" in replies2/managed.conf, as managed Redis services do), a key of another type (WRONGTYPE), a Lua
# script over the busy threshold (BUSY), and a replica whose primary is gone that will not serve stale data
# (MASTERDOWN), and a client given a Sentinel's port as its Redis (Sentinel knows no GET), with four clients. Prints each client's output after a '=== client scenario' marker:
# samples/raw/classes/session11-replies.log.
# Needs: redis-server 7 (Debian), a venv with redis-py 5.2.1 at $PYVENV, ioredis 5.11.1 and redis 4.7.1 under
# /tmp/lead/wn/node_modules (edit the .js to yours), Debian's ruby-redis 4.8.
set -u
here=$(cd "$(dirname "$0")/replies2" && pwd)
PYVENV=${PYVENV:-/tmp/lead/acl/venv}
work=$(mktemp -d)
for conf in managed replica; do
  redis-server "$here/$conf.conf" --daemonize yes --pidfile "$work/$conf.pid" --logfile "$work/$conf.log" --dir "$work"
done
printf 'port 16443\nbind 127.0.0.1\nsentinel monitor mymaster 127.0.0.1 16441 1\n' >"$work/sentinel.conf"
redis-server "$work/sentinel.conf" --sentinel --daemonize yes --pidfile "$work/sentinel.pid" --logfile "$work/sentinel.log"
sleep 0.5
cd "$here"
for scenario in config keys wrongtype busy masterdown sentinel; do
  case $scenario in
    masterdown) export REDIS_URL=redis://127.0.0.1:16442 ;;
    sentinel) export REDIS_URL=redis://127.0.0.1:16443 ;;
    *) export REDIS_URL=redis://127.0.0.1:16441 ;;
  esac
  for client in redis-py ioredis node-redis ruby-redis; do
    redis-cli -p 16441 DEL jobs >/dev/null
    echo "=== $client $scenario"
    case $client in
      redis-py) "$PYVENV/bin/python" py_replies.py "$scenario" 2>&1 ;;
      ioredis) timeout 10 node ioredis_replies.js "$scenario" 2>&1 ;;
      node-redis) timeout 10 node noderedis_replies.js "$scenario" 2>&1 ;;
      ruby-redis) timeout 10 ruby rb_replies.rb "$scenario" 2>&1 ;;
    esac
    sleep 2  # the busy script ends after ~2 s
  done
done
for conf in managed replica sentinel; do kill "$(cat "$work/$conf.pid")"; done
