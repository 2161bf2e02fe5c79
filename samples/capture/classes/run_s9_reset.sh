#!/bin/sh
# Session 9: clients against a server that resets every connection after reading the first bytes (rst_server.py: a
# proxy or a TLS endpoint refusing a client's plaintext does this). Debian 12: Perl Redis.pm 2.000, PHP 8.2 with
# php-redis 5.3.7, ruby-redis 4.8; ioredis 5 from npm; redis-py 8.2 with hiredis 3.5 and aioredis 1.3.1 from PyPI
# ($PY: a python with them). A free port from the kernel. Output: samples/raw/classes/session9-reset.log
here=$(dirname "$0")
PY=${PY:-python3}
NODE_APP=${NODE_APP:-.}  # a folder whose node_modules holds ioredis
p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$here/rst_server.py" "$p" &
pid=$!
sleep 0.5
echo "=== Perl Redis.pm $(perl -MRedis -e 'print $Redis::VERSION')"
perl -MRedis -e 'Redis->new(server => "127.0.0.1:'"$p"'", reconnect => 0)->get("k")' 2>&1
echo "=== phpredis $(php -r 'echo phpversion("redis");')"
php -r '$r = new Redis(); $r->connect("127.0.0.1", '"$p"'); $r->get("k");' 2>&1
echo "=== ruby-redis $(ruby -e 'require "redis"; print Redis::VERSION')"
ruby -e 'require "redis"; Redis.new(url: "redis://127.0.0.1:'"$p"'", reconnect_attempts: 0).get("k")' 2>&1 | head -3
echo "=== ioredis"
(cd "$NODE_APP" && node -e 'const Redis = require("ioredis"); const r = new Redis("redis://127.0.0.1:'"$p"'", {maxRetriesPerRequest: 1, retryStrategy: () => null}); r.on("error", (e) => console.error("[ioredis] error:", e.message)); r.get("k").catch((e) => console.error("get failed:", e.message)).finally(() => r.disconnect());') 2>&1
echo "=== redis-py $($PY -c 'import redis; print(redis.__version__)')"
$PY "$here/py_reset_clients.py" "$p" redis-py 2>&1
echo "=== aioredis $($PY -c 'import aioredis; print(aioredis.__version__)')"
$PY "$here/py_reset_clients.py" "$p" aioredis 2>&1
kill "$pid"
