import sys, traceback, redis
url = sys.argv[1]
try:
    r = redis.Redis.from_url(url, socket_connect_timeout=2)
    r.ping()
except Exception as e:
    print(f"{type(e).__module__}.{type(e).__name__}: {e}")
