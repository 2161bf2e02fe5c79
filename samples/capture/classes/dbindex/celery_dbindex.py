# A Celery 5.4 worker whose broker URL (REDIS_URL) names a database the server does not have
import os
from celery import Celery
app = Celery("tasks", broker=os.environ["REDIS_URL"])
app.conf.broker_connection_retry_on_startup = True
app.conf.broker_connection_max_retries = 2

@app.task
def add(x, y):
    return x + y
