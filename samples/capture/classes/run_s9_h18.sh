#!/bin/sh
# Session 9, heldout18's classes: Redis on a unix socket nobody listens on (Debian 12: Python 3.11 with redis-py 8.2.0
# from PyPI in a venv named by $PY, default python3; PHP 8.2 with Debian's php-redis and php-predis). No server is
# started: one path has no file, one is a socket file whose owner closed it without listening (a server that died).
# Output: samples/raw/classes/session9-h18.log
PY=${PY:-python3}
dir=/tmp/rla-s9-h18
rm -rf "$dir"; mkdir -p "$dir"
missing=/var/run/redis/redis-server.sock
stale="$dir/stale.sock"
"$PY" -c "import socket, sys; s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.close()" "$stale"
echo "=== redis-py $("$PY" -c 'import redis; print(redis.__version__)'), redis.Redis(unix_socket_path='$missing').set(...) (no such file), traceback tail"
"$PY" -c "import redis; redis.Redis(unix_socket_path='$missing').set('k', 'v')" 2>&1 | tail -3
echo "=== redis-py, from_url('unix://$dir/missing.sock').ping() and the stale socket file, 'module.Class: message'"
"$PY" - "$dir" <<'PYEOF'
import sys, redis
for path in (sys.argv[1] + "/missing.sock", sys.argv[1] + "/stale.sock"):
    try:
        redis.from_url("unix://" + path).ping()
    except Exception as e:
        print(type(e).__module__ + "." + type(e).__name__ + ": " + str(e))
PYEOF
echo "=== phpredis $(php -r 'echo phpversion("redis");') on PHP $(php -r 'echo PHP_VERSION;'), connect('$missing') uncaught (no such file)"
php -r "\$r = new Redis(); \$r->connect('$missing');" 2>&1
echo "=== phpredis, connect() on the stale socket, caught and printed 'Class: message'"
php -r "\$r = new Redis(); try { \$r->connect('$stale'); } catch (RedisException \$e) { echo get_class(\$e), ': ', \$e->getMessage(), PHP_EOL; }"
echo "=== Predis (php-predis), scheme unix, ping(): no such file, then the stale socket"
php -d include_path=/usr/share/php -r "require 'Predis/Autoloader.php'; Predis\Autoloader::register();
foreach (['$dir/missing.sock', '$stale'] as \$p) { try { (new Predis\Client(['scheme' => 'unix', 'path' => \$p]))->ping(); } catch (Exception \$e) { echo get_class(\$e), ': ', \$e->getMessage(), PHP_EOL; } }"
echo "=== not Redis (no_match): a missing file opened by Python and by PHP"
"$PY" -c "open('/app/config/settings.yml')" 2>&1 | tail -1
php -r 'file_get_contents("/var/www/cache/data.json");' 2>&1 | head -1
rm -rf "$dir"
