# Real output of redis-py 3.5.3 asked for APIs a newer redis-py has (an app written for redis-py 4+): the client
# object exists, no command is sent. Used as examples for the API-mismatch class (heldout76).
import logging, sys
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s", stream=sys.stdout)
log = logging.getLogger("app")
import redis
r = redis.Redis(host="127.0.0.1", port=9801)
for what in ("search", "asyncio"):
    try:
        if what == "search":
            r.ft("idx")
        else:
            redis.asyncio.Redis()
    except AttributeError as e:
        log.error("cannot use Redis %s: %s", what, e)
try:
    r.ft("idx")
except AttributeError:
    log.exception("unhandled")
