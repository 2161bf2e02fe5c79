import sys, traceback, redis
host, port = sys.argv[1], int(sys.argv[2])
r = redis.Redis(host=host, port=port, socket_connect_timeout=3, retry=None)
try:
    r.ping()
except Exception:
    traceback.print_exc()
