"""Celery app with a Redis broker taken from REDIS_URL (the usual Render setup)."""
import os

from celery import Celery

app = Celery("tasks", broker=os.environ.get("REDIS_URL"))


@app.task
def add(x, y):
    return x + y
