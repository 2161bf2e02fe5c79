"""A customer sync worker on redis-om 0.3 (HashModel, its README's Customer), the connection from REDIS_URL
(get_redis_connection(url=…)); each round saves a customer and reads it back, logging.exception on failure."""
import datetime, logging, os, time
from redis_om import HashModel, get_redis_connection
from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("customers")


class Customer(HashModel):
    first_name: str
    last_name: str
    email: str
    join_date: datetime.date

    class Meta:
        database = get_redis_connection(url=os.environ.get("REDIS_URL"))


log.info("customer sync started")
for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
    touch_deps()
    try:
        c = Customer(first_name="Ada", last_name=f"Lovelace{i}", email=f"ada{i}@example.com", join_date=datetime.date(2026, 12, 6))
        c.save()
        log.info("synced customer %s (%s)", Customer.get(c.pk).email, c.pk)
    except Exception:
        log.exception("customer sync failed")
    time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
