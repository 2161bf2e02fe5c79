# redis-py on a loopback URL: `never` = a port where nothing listens (the URL was read, it names this machine);
# `dropped` = connect and say so, then the server is stopped (run.sh kills it) and the next command fails.
import sys, time, redis
url = sys.argv[2]
r = redis.Redis.from_url(url)
if sys.argv[1] == "dropped":
    r.ping()
    print("Connected to Redis", flush=True)
    time.sleep(2)
r.set("k", "v")
