"""Issue 13, sixth held-out batch (Python, Ruby, PHP and Elixir clients): the classes its misses revealed, each from
real output: samples/raw/classes/session6.log (samples/capture/classes/run_s6.sh: redis-py 8.2 and Ruby's
connection_pool / redis-rb 4.8 against a real redis-server) and the public pastes of samples/public/heldout6.yaml.
Every recognition test here failed before the change it covers (bench/accuracy.py --corpus heldout6: 61 % on arrival)."""

from __future__ import annotations

import pytest

from analyzer.sources.formats import parse_line
from tests.conftest import ROOT, diag_of, ids

SESSION6 = (ROOT / "samples" / "raw" / "classes" / "session6.log").read_text(encoding="utf-8")
PUBLIC = ROOT / "samples" / "public"


def _paste(name: str) -> str:
    return (PUBLIC / name).read_text(encoding="utf-8")


def _section(title: str) -> str:
    """The lines of session6.log under the '=== <title>…' header, up to the next header."""
    start = SESSION6.index("=== " + title)
    end = SESSION6.find("\n=== ", start + 1)
    return SESSION6[SESSION6.index("\n", start) + 1 : end if end > 0 else None]


# ---- a client's own pool runs out -------------------------------------------------------------------------------------


def test_redis_py_pool_at_max_connections_sync_and_asyncio():
    section = _section("redis-py 8.2.0")
    tracebacks = section.split("reason:")
    assert len(tracebacks) == 3  # sync, asyncio, and what follows the last repr
    for one in tracebacks[:2]:
        text = one[one.index("Traceback") :] if "Traceback" in one else one
        diag = diag_of(text)
        assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-pool-timeout"), text[-200:]
    # the repr as Celery prints it ('reason:%r'); redis-py 8's is '<kind>:<Class>', no message
    assert "reason:network:MaxConnectionsError" in section
    assert ids(diag_of("Couldn't ack 'x', reason:network:MaxConnectionsError\n")) == {"redis-pool-timeout"}


def test_celery_repr_of_an_older_redis_py_pool_error_under_kombu_frames():
    diag = diag_of(_paste("python/celery-1350.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-pool-timeout")


def test_mysql_too_many_connections_is_not_a_redis_pool():
    for line in ("ERROR 1040 (HY000): Too many connections", "pymysql.err.OperationalError: (1040, 'Too many connections')"):
        assert diag_of(line + "\n").verdict.state == "unknown", line


def test_rubys_connection_pool_waited_under_sidekiq():
    real = _section("ruby 3.1")
    assert "ConnectionPool::TimeoutError: Waited 1 sec" in real
    # the pool alone names no Redis: a checkout timeout of any pool (Dalli's, an HTTP client's) is not a Redis finding
    bare = real.split("Redis::TimeoutError")[0]
    assert "redis-pool-timeout" not in ids(diag_of(bare))
    # Sidekiq's fetcher says it was fetching a job (a Redis command): public paste, sidekiq#1797
    diag = diag_of(_paste("ruby/sidekiq-1797.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-pool-timeout")


def test_redis_rb_read_timeout_is_a_command_timeout_not_a_connect_timeout():
    real = "Redis::TimeoutError" + _section("ruby 3.1").split("Redis::TimeoutError", 1)[1]
    assert ids(diag_of(real)) == {"redis-pool-timeout"}
    # Sidekiq's fetcher around it on Heroku (public paste, sidekiq#1236), after 'Redis is online'
    diag = diag_of(_paste("ruby/sidekiq-1236.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-pool-timeout")
    # redis-rb's connect timeout keeps its own name
    assert ids(diag_of("Redis::CannotConnectError: Timed out connecting to Redis on 10.0.4.8:6379\n")) == {"redis-connection-timeout"}


# ---- a dropped connection in redis-py's and Redix' own words ---------------------------------------------------------


@pytest.mark.parametrize("name", ["python/webodm-953.log", "python/sentry-self-hosted-629.log"])
def test_redis_py_drop_wording_names_redis_without_its_frames(name: str):
    # Celery prints redis-py's message bare ('Error 104 while writing to socket. Connection reset by peer.'), or the
    # paste starts after the frames: the wording is redis-py's own
    diag = diag_of(_paste(name))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")


def test_another_librarys_reset_is_still_not_redis():
    for line in ("psycopg2.OperationalError: server closed the connection unexpectedly",
                 "requests.exceptions.ConnectionError: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))"):
        assert diag_of(line + "\n").verdict.state == "unknown", line


@pytest.mark.parametrize("name", ["elixir/redix-62.log", "elixir/redix-19.log", "elixir/redix-156.log"])
def test_redix_disconnections(name: str):
    diag = diag_of(_paste(name))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")


def test_a_redix_refusal_is_not_a_drop():
    assert "redis-connection-dropped" not in ids(diag_of("{:error, %Redix.ConnectionError{reason: :econnrefused}}\n"))


# ---- another client of the instance was given the URL -----------------------------------------------------------------


def test_a_task_client_on_the_default_address_under_a_broker_on_another_host_ignored_the_url():
    # public paste, opencve#258: the worker connected to redis://redis:6379/0; the task's own client was refused on
    # 127.0.0.1:6379 (never given that URL), not a server that went away
    diag = diag_of(_paste("python/opencve-258.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-ignored")
    finding = next(f for f in diag.findings if f.rule_id == "redis-url-ignored")
    assert any("another host" in str(b) for b in finding.because), finding.because


@pytest.mark.parametrize("connected", ["127.0.0.1:6379/0", "localhost:6379/0", ":**@localhost"])
def test_the_same_host_connected_before_still_reads_as_the_server_going_away(connected: str):
    # every loopback name is this machine: the client that connected there is the one refused there now
    log = (
        f"[2023-02-20 08:40:29,681: INFO/MainProcess] Connected to redis://{connected}\n"
        "[2023-02-20 08:55:18,119: ERROR/ForkPoolWorker-1] Task X[1] raised unexpected: "
        "ConnectionError('Error 111 connecting to 127.0.0.1:6379. Connection refused.')\n"
    )
    assert diag_of(log).verdict.root_cause == "redis-connection-dropped"


# ---- name resolution: Windows in an HTTP error body, Ruby's getaddrinfo_a ---------------------------------------------


def test_an_http_error_body_printed_as_a_line_is_read():
    line = _paste("python/redis-py-3175.log").strip()
    record = parse_line(line, "app.log", 1)
    assert record is not None and record.message == "Error 11001 connecting to redis:6379. getaddrinfo failed."
    assert diag_of(line + "\n").verdict.root_cause == "redis-dns-not-found"


def test_redis_clients_getaddrinfo_a():
    diag = diag_of(_paste("ruby/sidekiq-6094.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-dns-not-found")
    # a job's HTTP call that does not resolve, in the same ecosystem, is not Redis (public paste, sidekiq#4004)
    assert diag_of(_paste("nonredis/sidekiq-4004.log")).verdict.state == "unknown"



# ---- a worker's own line between its retries says the connection worked -----------------------------------------------


def test_arqs_success_line_ends_the_window_of_its_earlier_failures():
    # public paste, logfire-helm-chart#5: arq retries, says 'redis connection successful', and a name lookup failed
    # once before one of them; the failures after the last success are connect timeouts
    diag = diag_of(_paste("python/logfire-helm-chart-5.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-timeout")
    assert "redis-client-working" in ids(diag)
