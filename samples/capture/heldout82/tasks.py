"""Celery 5 tasks of an invoicing app: the broker and the result backend both REDIS_URL (Celery's first-steps setup)."""
import os

from celery import Celery

app = Celery("invoices", broker=os.environ.get("REDIS_URL"), backend=os.environ.get("REDIS_URL"))


@app.task
def render_invoice(n: int) -> str:
    return f"invoice-{n}.pdf"
