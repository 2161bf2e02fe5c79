"""Issue 13, heldout35's classes (public pastes of the Python ecosystem, measured on arrival), each fixed for the
family, not the paste: a traceback pasted without its head, a socket timeout on a read rather than a connect, the
words asyncio and aioredis use for a dropped connection, a connect error naming only a timeout's class, and a project
folder named 'redis-…' that is no client. Every log here is real output: the public pastes of samples/public/ (their
threads in samples/README.md, section E, "Thirty-fifth batch") and real captures of samples/raw/ and samples/heldout9/
(samples/README.md). The controls are real logs of the neighbouring case, which must keep their reading."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, batch_lines, builtin, diag_of, public_paste, verdict_of


def _raw(name: str) -> str:
    return (ROOT / "samples" / "raw" / name).read_text(encoding="utf-8")


# --- a traceback pasted from a frame on: the frames above the exception line are its traceback ---

def test_an_exception_under_redis_py_frames_without_the_traceback_head_is_that_clients():
    # '  File "C:\\…\\site-packages\\redis\\connection.py", line 192, in _read_from_socket', its code line, then
    # 'ConnectionResetError: [WinError 10054] 远程主机强迫关闭了一个现有的连接。' at the margin (redis/redis-py#1796)
    assert verdict_of(public_paste("python/redis-py-1796.log")) == ("failing", "redis-connection-dropped")


def test_a_headless_traceback_of_another_client_stays_not_redis():
    # requests' frames over 'requests.exceptions.ConnectionError: HTTPConnectionPool(host=…)' (apache/airflow#61070)
    state, root = verdict_of(public_paste("nonredis/airflow-61070.log"))
    assert state not in ("failing", "degraded") and root is None


# --- a socket timeout in a read is a command's timeout; in a connect, a connect timeout ---

@pytest.mark.parametrize("name", [
    "python/proxy-pool-731.log",  # 'TimeoutError: timed out' under redis-py's _read_from_socket (jhao104/proxy_pool#731)
    "python/rq-2220.log",         # 'TimeoutError: The read operation timed out' in RQ's pubsub thread (rq/rq#2220)
])
def test_a_read_that_timed_out_is_a_command_timeout(name):
    assert verdict_of(public_paste(name)) == ("degraded", "redis-pool-timeout")


def test_a_connect_that_timed_out_stays_a_connect_timeout():
    # the same bare 'TimeoutError: timed out', its innermost frame redis-py's _connect (a blackholed address, real)
    assert verdict_of(_raw("redis-py/connect-timeout.log"))[1] == "redis-connection-timeout"


# --- asyncio's and aioredis' words for a connection the peer closed ---

@pytest.mark.parametrize("name", [
    "python/channels-redis-393.log",  # 'Error UNKNOWN while writing to socket. Connection lost.' (django/channels_redis#393)
    "python/channels-redis-215.log",  # 'Exception inside application: Reader at end of file' (django/channels_redis#215)
])
def test_asyncio_and_aioredis_say_a_drop_in_their_words(name):
    assert verdict_of(public_paste(name)) == ("failing", "redis-connection-dropped")


def test_connection_lost_alone_names_no_redis():
    # asyncio's bare 'ConnectionResetError: Connection lost', without redis-py's line or frames around it, names no
    # Redis: the new wording reads a Redis line, never makes one (real: samples/heldout9, redis-py asyncio capture)
    lines = batch_lines("heldout9", "redis-asyncio/maxclients.log", "ConnectionResetError: Connection lost")
    assert lines and diag_of(lines).verdict.state == "unknown"


# --- a connect error that names only a timeout's class ---

def test_arq_connect_error_naming_timeout_error_is_a_connect_timeout():
    # "redis connection error ('localhost', 6379) TimeoutError , 5 retries remaining..." (python-arq/arq#260)
    assert verdict_of(public_paste("python/arq-260.log")) == ("failing", "redis-connection-timeout")


def test_arq_connect_error_naming_a_refusal_stays_refused():
    # the same line naming ConnectionRefusedError [Errno 61] (dongweiming/lyanna#35)
    assert verdict_of(public_paste("python/lyanna-35.log")) == ("failing", "redis-econnrefused")


# --- a folder named 'redis-…' in a path is a project's, not a client's module ---

def test_a_project_named_redis_failing_on_another_host_is_not_redis():
    # redis-ctl's traceback, its frames under /home/user/redis-ctl/, ends on 'socket.gaierror: [Errno -3]' for its
    # Open-Falcon host (projecteru/redis-ctl#29)
    state, root = verdict_of(public_paste("nonredis/redis-ctl-29.log"))
    assert state not in ("failing", "degraded") and root is None


def test_a_client_module_path_still_names_redis():
    text = public_paste("nonredis/redis-ctl-29.log")
    aff = builtin().affinity
    assert aff is not None
    assert aff.in_text(text) is None
    frame = next(line for line in public_paste("python/redis-py-1796.log").splitlines() if "File " in line)
    assert aff.in_text(frame) == "redis"

