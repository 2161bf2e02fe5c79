"""Issue 13, heldout82's classes: real captures of Redis failures as seen through process managers and log wrappers
(pm2, pm2-runtime, nodemon, concurrently, npm/yarn/pnpm run, honcho, foreman, supervisord, gunicorn, uvicorn, Celery,
RQ and Sidekiq workers), made as samples/README.md, heldout82, says. Each test feeds the real output, or a part of it,
to the pipeline."""

from __future__ import annotations

from tests.conftest import batch_file, batch_lines, verdict_of


def capture(name: str) -> str:
    """A real capture of heldout82 (samples/heldout82/<app>/<scenario>.log)."""
    return batch_file("heldout82", name)


# -- 'redis ping ok': the app's startup check says the client works ----------------------------------------------------

def test_redis_ping_ok_is_a_working_client():
    # uvicorn serving a bare ASGI app whose lifespan PINGs Redis (redis-py 8.2 asyncio): 'redis ping ok', then requests
    # served; the log read "can't tell"
    assert verdict_of(capture("notify-uvicorn/healthy.log")) == ("healthy", None)


def test_redis_ping_ok_beside_an_api_refusal_stays_healthy():
    # the same app, its template sync refused by the billing API ('<urlopen error [Errno 111] Connection refused>')
    assert verdict_of(capture("notify-uvicorn/mixed-api-healthy.log")) == ("healthy", None)


def test_redis_ping_failed_is_no_working_client():
    log = "2026/12/04 19:36:19 redis ping failed: dial tcp 127.0.0.1:6390: connect: connection refused\n"
    assert verdict_of(log)[0] == "failing"


# -- BullMQ's 'completed' event printed with the job's name: a job done through Redis ----------------------------------

def test_job_completed_with_its_name_is_a_job_done():
    # BullMQ 5 under pm2-runtime: 'worker ready, waiting for jobs', then 'job N (welcome) completed' between PM2's own
    # lines; the log read "can't tell"
    assert verdict_of(capture("mailer-pm2-runtime/healthy.log")) == ("healthy", None)


def test_job_completed_after_refusals_is_recovery():
    # concurrently's worker: refused while the server was down, then 'job N (welcome) completed' again (the web's
    # ioredis lines left out: the job lines alone must say it)
    log = batch_lines("heldout82", "shop-concurrently/killed-then-back.log", "[worker]")
    assert verdict_of(log) == ("recovered", "redis-connection-dropped")


# -- Celery's result backend 'Connection to Redis lost: Retry' is any connection error it retries ----------------------

def test_celery_backend_retry_before_refusals_at_boot_is_the_refusal():
    # honcho running a Celery 5.7 worker and a scheduler, no server at boot: the scheduler's result backend says
    # 'Connection to Redis lost: Retry (0/20) now.' first, then the worker's 'consumer: Cannot connect to redis://…:
    # Error 111 … Connection refused..'; read as a dropped connection (the refusals taken for reconnect attempts)
    assert verdict_of(capture("invoices-honcho-celery/down-at-boot.log")) == ("failing", "redis-econnrefused")


def test_celery_backend_retry_after_the_client_worked_stays_a_drop():
    # the same app, the server shut down mid-run and back: invoices rendered, then the same retry lines and refusals
    assert verdict_of(capture("invoices-honcho-celery/killed-then-back.log")) == ("recovered", "redis-connection-dropped")


def test_celery_backend_retry_alone_stays_a_drop():
    # the backend's retry lines with nothing else about Redis: the drop the line says (as heldout13 labels it)
    log = batch_lines("heldout82", "invoices-honcho-celery/down-at-boot.log",
                      "celery.backends.redis Connection to Redis lost")
    assert verdict_of(log) == ("failing", "redis-connection-dropped")
