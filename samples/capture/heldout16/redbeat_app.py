"""Celery beat with RedBeat 2 (`-S redbeat.RedBeatScheduler`): the schedule and beat's lock in Redis
(`redbeat_redis_url` = REDIS_URL, as its docs), tasks sent to a filesystem broker (no worker: beat's own log only)."""
import os
from celery import Celery

app = Celery("reports", broker="filesystem://")
app.conf.update(
    broker_transport_options={"data_folder_in": "/tmp/h16-fsq", "data_folder_out": "/tmp/h16-fsq"},
    redbeat_redis_url=os.environ.get("REDIS_URL", "redis://localhost:6379"),
    redbeat_lock_timeout=5,
    beat_max_loop_interval=1,
    beat_schedule={"refresh-dashboard": {"task": "reports.refresh_dashboard", "schedule": 1.0}},
)


@app.task(name="reports.refresh_dashboard")
def refresh_dashboard():
    return "ok"
