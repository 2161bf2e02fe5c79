# redis-py over a unix socket whose server stops reading (DEBUG SLEEP) and is then killed: the kernel resets the
# connection with the client's request unread, so redis-py names the socket path as the endpoint.
import sys, traceback, redis
r = redis.Redis(unix_socket_path=sys.argv[1], retry=None, socket_timeout=10)
try:
    r.set("k", "v")
    print("set ok")
except Exception:
    traceback.print_exc()
