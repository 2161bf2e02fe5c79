"""Celery beat (5.4, its default PersistentScheduler) with the broker on Redis (REDIS_URL, as the docs give
`broker_url`): beat sends `billing.charge_due` every second; no worker here, beat's own log only."""
import os
from celery import Celery

app = Celery("billing", broker=os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
app.conf.update(
    beat_max_loop_interval=1,
    beat_schedule={"charge-due-invoices": {"task": "billing.charge_due", "schedule": 1.0}},
)


@app.task(name="billing.charge_due")
def charge_due():
    return "ok"
