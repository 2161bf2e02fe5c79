"""The invoicing app's scheduler: queues render_invoice every 2 s and waits for its result; when DATABASE_URL or
API_URL are set it also reads the orders database and the billing API, logging their failures."""
import logging, os, time, urllib.request

from tasks import render_invoice

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("scheduler")
n = 0
while True:
    n += 1
    if os.environ.get("DATABASE_URL"):
        try:
            import psycopg
            psycopg.connect(os.environ["DATABASE_URL"], connect_timeout=3).close()
        except Exception as e:
            log.error("could not read orders: %s", e)
    if os.environ.get("API_URL"):
        try:
            urllib.request.urlopen(os.environ["API_URL"] + "/v1/customers", timeout=3).read()
        except Exception as e:
            log.error("billing API: %s", e)
    try:
        res = render_invoice.delay(n)
        log.info("invoice %d rendered: %s", n, res.get(timeout=5))
    except Exception as e:
        log.exception("invoice %d not rendered", n)
    time.sleep(2)
