"""redis-py given a whole URL where a host goes (redis.Redis(url), redis.Redis(host=url)), and an address no
socket can connect to (argv[1]; run_held.sh gives fe80::1: a link-local address without its interface, EINVAL). One PING each, no retries; the error as
redis-py raises it (its class and message), then the whole traceback of the first case."""
import sys
import traceback

import redis

cases = [
    ("redis.Redis(url) positional", lambda: redis.Redis("redis://127.0.0.1:6379/0")),
    ("redis.Redis(host=rediss URL)", lambda: redis.Redis(host="rediss://default:pw@red-d0cjkelq67qs70c2kvup:6379")),
]
if len(sys.argv) > 1:  # an address no socket can connect to, given as the host (run in the namespace)
    cases = [(f"redis.Redis(host={sys.argv[1]!r})", lambda: redis.Redis(host=sys.argv[1], port=6379))]
for i, (name, make) in enumerate(cases):
    print(f"--- redis-py {redis.__version__} {name}")
    try:
        make().ping()
    except Exception as e:  # print what a log shows
        print(f"{type(e).__module__}.{type(e).__name__}: {e}")
        if i == 0:
            traceback.print_exc(file=sys.stdout)
