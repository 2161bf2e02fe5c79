# redis-py's cluster client: a Lua script whose keys hash to different slots (refused by the client itself), then the
# same sent to one node as is (refused by the server)
import logging, os, redis
from redis.cluster import RedisCluster
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
rc = RedisCluster.from_url(os.environ["REDIS_URL"])
log.info("cluster ready: %s nodes", len(rc.get_nodes()))
try:
    rc.eval("redis.call('SET', KEYS[1], 'a'); return redis.call('SET', KEYS[2], 'b')", 2, "queue:wait", "queue:active")
except (redis.exceptions.RedisError, redis.exceptions.RedisClusterException):
    log.exception("queue: move job failed")
try:
    log.info("read: %s", rc.execute_command("EVAL", "return redis.call('MGET', KEYS[1], KEYS[2])", 2, "session:1", "cart:1", target_nodes=RedisCluster.RANDOM))
except (redis.exceptions.RedisError, redis.exceptions.RedisClusterException):
    log.exception("cache: read failed")
