"""Issue 13, heldout9's classes: real captures of clients this project had never run (samples/heldout9/raw/, made as
samples/README.md section L says). Each test feeds the real raw output, or its lines, to the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.pipeline import diagnose
from analyzer.sources.files import text_block
from tests.conftest import builtin

RAW = Path(__file__).resolve().parents[1] / "samples" / "heldout9" / "raw"
RULES = builtin()


def _diag(text: str):
    return diagnose([text_block(text, "app.log")], RULES)


def _raw(name: str) -> str:
    return (RAW / name).read_text(encoding="utf-8")


def _lines(name: str, *needles: str) -> str:
    """The lines of a capture holding any of the needles, in order (a short log made only of real lines)."""
    return "".join(line for line in _raw(name).splitlines(True) if any(n in line for n in needles))


# -- the verdict: commands turned away because Redis cannot be reached at all ------------------------------------

@pytest.mark.parametrize(
    ("capture", "root"),
    [
        ("rate-limiter-flexible/dns-nxdomain.log", "redis-dns-not-found"),
        ("rate-limiter-flexible/wrongpass.log", "redis-wrongpass"),
        ("rate-limiter-flexible/blackholed.log", "redis-connection-timeout"),
    ],
)
def test_offline_queue_rejections_behind_a_down_cause_are_failing_not_degraded(capture, root):
    # ioredis with the offline queue off (rate-limiter-flexible's README): every request is turned away
    # ("Stream isn't writeable") because the client never reaches Redis: the app cannot use Redis at all
    diag = _diag(_raw(capture))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", root)


def test_the_same_rejections_without_a_down_cause_stay_degraded():
    # the offline-queue rejection alone (the app's first request came before ioredis was ready): a symptom, Redis answers
    diag = _diag(_lines("rate-limiter-flexible-nowait/healthy.log", "API listening", "Rate limiter error"))
    assert diag.verdict.state == "degraded" and diag.verdict.root_cause == "redis-offline-queue"


def test_a_degraded_cause_beside_the_rejections_keeps_the_verdict_degraded():
    # READONLY is Redis answering and refusing: with the offline-queue rejections and a refusal, still degraded
    text = (
        _lines("rate-limiter-flexible/readonly.log", "READONLY")
        + _lines("rate-limiter-flexible/killed-then-back.log", "ECONNREFUSED", "Stream isn't writeable")
    )
    diag = _diag(text)
    assert diag.verdict.state == "degraded" and diag.verdict.root_cause == "redis-readonly"


# -- PHP clients given a REDIS_URL string -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("capture", "root"),
    [
        ("predis/killed-then-back.log", "redis-connection-dropped"),  # [redis://host:port] after 'reading line'
        ("predis/blackholed.log", "redis-connection-timeout"),  # 'Connection timed out [redis://…]'
        ("predis/tls-untrusted.log", "redis-tls-certificate"),  # OpenSSL's 'error:0A000086:…certificate verify failed'
        ("phpredis/killed-not-back.log", "redis-connection-dropped"),  # phpredis' bare 'Connection lost'
    ],
)
def test_php_clients_failures_through_a_url_are_named(capture, root):
    diag = _diag(_raw(capture))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", root)


def test_predis_scheme_widening_keeps_the_address_and_the_url_as_host_apart():
    # the address Predis prints with the scheme it was given is a host and a port, not a URL given as the host
    diag = _diag(_lines("predis/killed-then-back.log", "Error while reading line"))
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-connection-dropped"]
    assert finding.fields.get("host") == "red-d2b9kv0q67qs70c2kvup" and finding.fields.get("port") == "6379"
    assert "url_as_host" not in finding.fields


# -- success lines of clients never run before: a refusal after them is the server going away -----------------------

def test_an_apps_redis_client_ready_line_makes_later_refusals_a_drop():
    # connect-redis on ioredis: 'Redis client ready', requests served, then the server killed and not back
    diag = _diag(_raw("connect-redis-ioredis/killed-not-back.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    # without the ready line (and the served requests, which name nothing), the same refusals are only refusals
    text = _raw("connect-redis-ioredis/killed-not-back.log").replace("Redis client ready\n", "")
    assert _diag(text).verdict.root_cause == "redis-econnrefused"


def test_huey_executing_again_after_the_refusals_is_a_recovery():
    diag = _diag(_raw("huey/killed-then-back.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-connection-dropped")


def test_a_huey_task_merely_started_is_not_a_recovery():
    log = _raw("huey/killed-then-back.log").splitlines(True)
    last_error = max(i for i, line in enumerate(log) if "ERROR" in line)
    started_only = "".join(log[: last_error + 1]) + "".join(l for l in log[last_error + 1 :] if "Executing" in l)
    assert _diag(started_only).verdict.state == "failing"


def test_arq_connected_then_refused_is_a_drop_and_its_info_line_is_the_client_working():
    assert _diag(_raw("arq/killed-then-back.log")).verdict.root_cause == "redis-connection-dropped"
    assert _diag(_raw("arq/healthy.log")).verdict.state == "healthy"


def test_valkey_py_url_scheme_error_is_a_malformed_url():
    diag = _diag(_raw("valkey-py/url-http-scheme.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-malformed")


# -- heldout10 (the second batch, made after the fixes above): URL schemes a cache or limiter layer has no backend for

RAW10 = RAW.parent.parent / "heldout10" / "raw"


@pytest.mark.parametrize("capture", ["flask-limiter/url-http-scheme.log", "aiocache/tls-to-plain.log"])
def test_a_storage_url_whose_scheme_the_layer_cannot_take_is_a_malformed_url(capture):
    diag = _diag((RAW10 / capture).read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-malformed")


def test_a_limits_scheme_error_naming_no_redis_is_not_a_redis_finding():
    # the same error for a memcached storage URI: nothing in it is Redis
    line = "limits.errors.ConfigurationError: unknown storage scheme : memcache://cache.internal:11211\n"
    assert _diag(line).verdict.state in ("unknown", "healthy")
