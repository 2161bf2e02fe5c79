"""An app that writes to Redis every half second with a 1 s socket timeout (redis-py), and lets an error end it.
run_held.sh stops the server (SIGSTOP: it accepts nothing, answers nothing) after the first writes: redis-py's read
times out and the uncaught TimeoutError ends the process, exit status 1."""
import sys
import time

import redis

r = redis.Redis(host="127.0.0.1", port=int(sys.argv[1]), socket_timeout=1)
for i in range(40):
    r.set("tick", i)
    print(f"tick {i} written", flush=True)
    time.sleep(0.5)
