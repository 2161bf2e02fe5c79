# redis-py 8 with Sentinel: the sentinel address refuses (or knows no such master); nothing caught.
import logging, os, time
from redis.sentinel import Sentinel
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("worker")
sentinel = Sentinel([("127.0.0.1", int(os.environ["SENTINEL_PORT"]))], socket_timeout=1)
master = sentinel.master_for(os.environ.get("MASTER", "mymaster"))
for i in range(2):
    try:
        master.set("k", i)
        log.info("set ok")
    except Exception:
        log.exception("redis command failed")
    time.sleep(0.5)
master.set("k", "last")
