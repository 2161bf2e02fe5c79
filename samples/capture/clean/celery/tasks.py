"""Celery app on Render Key Value: broker and result backend from REDIS_URL."""
import os

from celery import Celery

app = Celery("tasks", broker=os.environ["REDIS_URL"], backend=os.environ["REDIS_URL"])
app.conf.broker_connection_retry_on_startup = True


@app.task
def send_welcome_email(user_id):
    return f"sent to user {user_id}"


@app.task
def resize_image(image_id, width):
    return {"image": image_id, "width": width}
