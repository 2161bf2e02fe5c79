# orders: an order worker on redis-py 4.6 (a list as the queue), PostgreSQL for orders and an HTTP pricing API
import json, logging, os, sys, time, urllib.request
import redis
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(asctime)s [%(levelname)s] orders: %(message)s")
log = logging.getLogger("orders")
r = redis.from_url(os.environ["REDIS_URL"], socket_timeout=3, socket_connect_timeout=3)
db_url, api = os.environ.get("DATABASE_URL"), os.environ.get("API_URL")
if db_url:
    import psycopg2
    try:
        psycopg2.connect(db_url, connect_timeout=3)
    except psycopg2.OperationalError as e:
        log.error("database unavailable: %s", str(e).strip())
r.ping()
log.info("connected to redis, waiting for orders")
for i in range(1, 1000):
    r.rpush("orders", json.dumps({"id": i}))
    _, raw = r.blpop("orders", timeout=1)
    order = json.loads(raw)
    if api:
        try:
            urllib.request.urlopen(api + "/v1/prices?order=%d" % order["id"], timeout=3)
        except Exception as e:
            log.warning("pricing API call failed for order %d: %s", order["id"], e)
    log.info("order %d processed", order["id"])
    time.sleep(1)
