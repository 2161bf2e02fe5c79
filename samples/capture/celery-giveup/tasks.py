"""Celery worker whose broker retries are bounded (broker_connection_max_retries=3): what giving up looks like."""
import os

from celery import Celery

app = Celery("tasks", broker=os.environ["REDIS_URL"])
app.conf.broker_connection_retry_on_startup = True
app.conf.broker_connection_max_retries = 3


@app.task
def add(x, y):
    return x + y
