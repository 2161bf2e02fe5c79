# notifier: a pub/sub publisher on redis-py 6 with its Retry (3 retries, exponential backoff); unhandled errors end it
import logging, os, time
import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry
logging.basicConfig(level=logging.INFO, format="%(asctime)s - %(name)s - %(levelname)s - %(message)s")
log = logging.getLogger("notifier")
r = redis.Redis.from_url(os.environ["REDIS_URL"], retry=Retry(ExponentialBackoff(), 3),
                         retry_on_error=[redis.exceptions.ConnectionError], socket_connect_timeout=3, socket_timeout=3)
log.info("notifier started")
i = 0
while True:
    i += 1
    n = r.publish("notifications", f"ping {i}")
    log.info("notification %d published to %d subscribers", i, n)
    time.sleep(1)
