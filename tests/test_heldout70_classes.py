"""Issue 13, heldout70's classes (session 16, Python web apps and workers as deployed): a process label before a line
(a compose container, a Heroku dyno) names what relayed it, not what it says, so a compose project named after its
stack ('docker-django-redis-celery-app-1  | psycopg2.OperationalError: … port 5432 failed: Connection refused') does not
tie PostgreSQL's refusal to Redis, while a label whose service is Redis (Heroku's 'app[redis-curly-70223]') keeps its
tie; redis-py's 'Authentication required.' quoted after an app's own words naming Redis is NOAUTH (pgsync's queue, read
by heldout66's class auth_required, which landed while this batch was measured: kept here as its guard); an empty host in redis-py's 'Error -2 connecting to :6379' is a host setting never given, as 'None:6379' is; a password
refused by an address on a Sentinel's port (kombu's 'Cannot connect to redis://…:26379/1: Client sent AUTH, but no
password is set.') is the Sentinel given as the server. Real output: the batch's public pastes
(samples/public/heldout70.yaml) and earlier batches' (heldout48's update.electronjs.org#134, heldout23's bookwyrm#1509)."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste

BAD = ("failing", "degraded")

# (paste, verdict, root cause): the batch's pastes each class was made from
PASTES = [
    # toluaina/pgsync#6: ':ERROR:pgsync.redisqueue: Redis server is not running: Authentication required.'
    ("python/pgsync-6.log", "failing", "redis-noauth"),
    # rackslab/Slurm-web#212: 'ConnectionError: Error -2 connecting to :6379. Name or service not known'
    ("python/slurm-web-212.log", "failing", "redis-url-not-set"),
    # bitnami/charts#1899: Airflow's Celery worker given a Sentinel's 26379 as its broker
    ("python/bitnami-charts-1899.log", "failing", "redis-sentinel-as-server"),
    # heldout48 vercel/update.electronjs.org#134: the Heroku Redis add-on's own line ('app[redis-curly-70223]: Error
    # accepting a client connection') ties the TLS failure under it to Redis by its label: the label is a Redis service
    ("node/update-electronjs-134.log", "failing", "redis-tls-certificate"),
]


@pytest.mark.parametrize(("paste", "state", "root"), PASTES)
def test_heldout70_class_reads_its_paste(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)


def test_a_compose_project_named_after_redis_is_not_redis():
    # thepylot/docker-django-redis-celery#2: PostgreSQL refused under the container 'docker-django-redis-celery-app-1'
    assert diag_of(public_paste("python/docker-django-redis-celery-2.log")).verdict.state not in BAD


# (line, root cause): neighbours that keep their own reading
LINES = [
    # heldout23 bookwyrm#1509: the same kombu form on Redis's own port stays a password sent to a server without one
    ("celery_worker_1   | [2021-10-05 22:49:24,364: ERROR/MainProcess] consumer: Cannot connect to "
     "redis://:**@redis_broker:6379/0: AUTH <password> called without any password configured for the default user. "
     "Are you sure your configuration is correct?.\n", "redis-password-not-required"),
]


@pytest.mark.parametrize(("line", "root"), LINES)
def test_neighbouring_lines_keep_their_reading(line, root):
    assert diag_of(line).verdict.root_cause == root
