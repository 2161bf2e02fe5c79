"""Issue 13, heldout19's classes: real captures of matrix cells no capture had (a password with a raw '@', '#' or '/',
MISCONF) and of clients with few captures, each inside a small app with a cache fallback (samples/heldout19/raw/, made as
samples/README.md section L, heldout19, says). Each test feeds the real output, or a part of it, to the whole pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, diag_of, verdict_of

BATCH = ROOT / "samples" / "heldout19"
BAD = ("failing", "degraded")


def _formatted(name: str) -> str:
    """The capture as Render shows it (one of the four formats, Render's `==>` lines included)."""
    return (BATCH / name).read_text(encoding="utf-8")


def _raw(name: str) -> str:
    return (BATCH / "raw" / name).read_text(encoding="utf-8")


# -- the app's own fallback: the cache named as unusable, and what the app does instead, in one line ----------------

@pytest.mark.parametrize("name, root", [
    ("api/quotes-redis-py4/wrongpass.jsonl", "redis-wrongpass"),  # 'cache unavailable, serving quote 2 from the database: …'
    ("api/cart-predis/noauth.jsonl", "redis-noauth"),  # 'redis unavailable (…NOAUTH…), keeping the cart in the session'
    ("plain/catalog-node-redis3/url-empty.rfc3339.log", "redis-url-not-set"),  # 'cache unavailable, falling back to database: …'
    ("plain/catalog-node-redis5/blackholed.cli.log", "redis-connection-timeout"),  # 'cache offline, serving from database'
    ("api/quotes-redis-py4/maxclients.jsonl", "redis-max-clients"),
])
def test_an_app_serving_on_its_fallback_is_degraded_and_keeps_its_root_cause(name: str, root: str):
    diag = diag_of(_formatted(name))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", root)
    assert diag.verdict.fallback is not None  # the fallback line is named as such


def test_half_of_the_pair_is_not_a_fallback():
    # the app's request lines that say where the answer came from ('source=db-fallback') and the client's errors,
    # without the app's line naming the cache unusable AND its way round it: an error, not a fallback
    lines = [line for line in _raw("catalog-node-redis3/url-empty.log").splitlines()
             if not line.startswith("cache unavailable")]
    assert any("source=db-fallback" in line for line in lines)
    diag = diag_of("\n".join(lines) + "\n")
    assert diag.verdict.state == "failing" and diag.verdict.fallback is None


# -- the request the app answered on its fallback during the failures, answered another way after them ---------------

def test_a_request_answered_another_way_after_the_failures_is_recovery():
    # phpredis under LOADING: '[pages] cache write failed: LOADING …; rendering uncached' and 'GET /blog/N 200
    # (uncached)' in turn, then 'GET /blog/N 200 (cached)' with no failure after: the cache works again
    text = _formatted("plain/pages-phpredis/loading.cli.log")
    assert verdict_of(text) == ("recovered", "redis-loading")


def test_the_same_request_still_on_its_fallback_is_no_recovery():
    # the same log cut before the first '(cached)': the app still answers on its fallback, nothing came back
    raw = _raw("pages-phpredis/loading.log").splitlines(keepends=True)
    cut = next(i for i, line in enumerate(raw) if line.rstrip().endswith("(cached)"))
    assert cut > 6
    assert verdict_of("".join(raw[:cut])) == ("degraded", "redis-loading")


# -- issue 13's cells no capture had -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "dashboard/catalog-node-redis3/misconf.txt", "plain/catalog-node-redis5/misconf.rfc3339.log",
    "api/leaderboard-ioredis4/misconf.jsonl", "plain/quotes-redis-py4/misconf.rfc3339.log",
    "plain/notify-redis-asyncio5/misconf.rfc3339.log", "dashboard/cart-predis/misconf.txt",
    "dashboard/pages-phpredis/misconf.txt", "plain/sessions-perl-redis/misconf.cli.log",
    "plain/notify-redis-asyncio5/mixed-pg-api-redis-misconf.cli.log",
])
def test_misconf_is_degraded_whatever_the_client(name: str):
    assert verdict_of(_formatted(name)) == ("degraded", "redis-misconf")


@pytest.mark.parametrize("name", [
    "api/catalog-node-redis5/url-pass-hash.jsonl", "plain/catalog-node-redis5/url-pass-slash.rfc3339.log",
    "plain/quotes-redis-py4/url-pass-hash.rfc3339.log", "plain/quotes-redis-py4/url-pass-slash.cli.log",
    "plain/cart-predis/url-pass-hash.cli.log",
])
def test_a_password_with_a_raw_hash_or_slash_is_a_malformed_url(name: str):
    assert verdict_of(_formatted(name)) == ("failing", "redis-url-malformed")


def test_predis_quoting_the_url_it_refuses_is_a_malformed_url():
    line = next(line for line in _raw("cart-predis/url-pass-hash.log").splitlines() if "Invalid parameters URI" in line)
    diag = diag_of(line + "\n")
    assert diag.verdict.root_cause == "redis-url-malformed"
    assert "s3cret" not in repr([f.sample for f in diag.findings])  # the password in the quoted URL is redacted


@pytest.mark.parametrize("name", [
    "dashboard/catalog-node-redis5/url-pass-at.txt", "plain/leaderboard-ioredis4/url-pass-at.cli.log",
    "api/notify-redis-asyncio5/url-pass-at.jsonl",
])
def test_a_raw_at_sign_the_clients_read_anyway_is_healthy(name: str):
    assert verdict_of(_formatted(name))[0] not in BAD


def test_one_error_before_the_clients_ready_line_and_work_is_no_alarm():
    # ioredis 4 given 'redis://host :6379': one 'ERR DB index is out of range' at start, then the app's
    # 'leaderboard: redis ready' on the client's ready event, and every request 200
    text = _formatted("dashboard/leaderboard-ioredis4/url-space-inside.txt")
    assert "ERR DB index is out of range" in text and "leaderboard: redis ready" in text
    assert verdict_of(text)[0] not in BAD
