"""Issue 13, heldout7's classes (Node and Python apps on a PaaS): the loopback inference needs platform evidence, and
Render is not the only platform that runs Redis as a service of its own. Every log here is real output: the public
pastes of samples/public/ (their threads in samples/README.md, section E, "Seventh batch") and captures of
samples/raw/."""

from __future__ import annotations

from pathlib import Path

from analyzer.pipeline import diagnose
from analyzer.sources.files import text_block
from tests.conftest import builtin

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PUBLIC = SAMPLES / "public"
RULES = builtin()


def _diag(text: str):
    return diagnose([text_block(text, "app.log")], RULES)


def _paste(name: str) -> str:
    return (PUBLIC / name).read_text(encoding="utf-8")


def _because(diag, rule_id: str) -> list[str]:
    return [str(b) for b in next(f for f in diag.findings if f.rule_id == rule_id).because]


def test_a_default_loopback_refusal_on_heroku_is_the_url_not_set():
    # node_redis 0.x on Heroku (derby#337): the dyno's lines are the platform evidence, the address comes before the code
    diag = _diag(_paste("node/derby-337.log"))
    assert diag.verdict.root_cause == "redis-url-not-set"
    assert any("on a managed platform where nothing listens there" in b for b in _because(diag, "redis-url-not-set"))


def test_without_the_platform_lines_the_same_refusal_says_only_what_the_log_shows():
    # the same paste with Heroku's prefixes cut off: nothing says where it ran, so no inference about the URL
    bare = "".join(line.split(": ", 1)[1] if "]: " in line else line for line in _paste("node/derby-337.log").splitlines(True))
    assert "heroku[" not in bare and "app[web" not in bare
    diag = _diag(bare)
    assert diag.verdict.root_cause == "redis-econnrefused"


def test_a_flyio_machine_line_is_platform_evidence_too():
    # ghostfolio#4002's Fly.io line shape, then redis-py's refusal on the default address (samples/raw/redis-py/refused-localhost.log's line)
    fly = "2024-10-30T00:49:34.913 app[d8ddd77f0e2778] ord [info] [Nest] 422 - 10/30/2024, 12:49:34 AM LOG [InstanceLoader] QueueModule dependencies initialized +44ms\n"
    refused = "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.\n"
    assert _diag(refused).verdict.root_cause == "redis-econnrefused"
    assert _diag(fly + refused).verdict.root_cause == "redis-url-not-set"


def test_a_printed_remote_url_then_the_default_address_is_the_url_ignored_and_the_password_stays_out():
    # Balloons.IO#71 on Heroku: the app prints its Redis To Go URL, node_redis dials 127.0.0.1:6379 anyway
    diag = _diag(_paste("node/balloonsio-71.log"))
    assert diag.verdict.root_cause == "redis-url-ignored"
    why = _because(diag, "redis-url-ignored")
    assert any("prints a Redis URL on sole.redistogo.com" in b for b in why), why
    assert not any("REDACTED" in b or "redistogo:" in b for b in why)


def test_a_printed_local_url_is_not_a_remote_one():
    # Balloons.IO#71's lines with the printed host made localhost: a loopback URL is no URL lost on the way, so the
    # Heroku lines' inference (the URL never arrived) decides, not redis-url-ignored
    line = "2012-10-29T14:57:03+00:00 app[web.1]: logging env varibles redis env: redis://localhost:6379/\n"
    refused = "2012-10-29T14:57:06+00:00 app[web.1]: Exception: Error: Redis connection to 127.0.0.1:6379 failed - connect ECONNREFUSED\n"
    assert _diag(line + refused).verdict.root_cause == "redis-url-not-set"  # Heroku's lines: the URL never arrived


def test_a_client_saying_its_redis_connection_was_lost_then_made_is_a_drop_it_recovered_from():
    # asyncio_redis against DigitalOcean's managed Redis (kodiak#694): the server closes idle connections, the client
    # reconnects at once
    paste = _paste("python/kodiak-694.log")
    diag = _diag(paste)
    assert diag.verdict.state == "recovered" and diag.verdict.root_cause == "redis-connection-dropped"
    # the loss alone, with no line after it saying the connection is back: failing, not recovered
    lost = "".join(paste.splitlines(True)[:2])
    assert _diag(lost).verdict.state == "failing"


def test_a_bare_lookup_error_right_after_a_redis_connection_attempt_is_the_redis_host_not_resolving():
    # Django Channels under daphne in compose (prefect#2324): aioredis says it opens a connection to ('redis', 6379),
    # then the app's handler prints only the OS error
    paste = _paste("python/prefect-2324.log")
    assert _diag(paste).verdict.root_cause == "redis-dns-not-found"
    # the same error with no Redis connection attempt before it: nothing ties it to Redis
    alone = "".join(line for line in paste.splitlines(True) if "Creating tcp connection" not in line)
    diag = _diag(alone)
    assert diag.verdict.state == "unknown" and diag.not_redis


def test_node_error_objects_enotfound_code_line_is_a_lookup_failure_tied_by_the_redis_line_before_it():
    # compose-prefixed util.inspect fields after node_redis' 'Redis connection to redis-server:6379 failed'
    # (docker-library-redis#255): the code line names the failure, the line before names Redis
    diag = _diag(_paste("node/docker-library-redis-255.log"))
    assert diag.verdict.root_cause == "redis-dns-not-found"
    # a Stripe lookup printed the same way, in a real capture beside a healthy Redis: still not Redis
    raw = SAMPLES / "raw"
    both = (raw / "node-app/healthy.log").read_text(encoding="utf-8") + (raw / "mixed/stripe-dns-postgres-refused.log").read_text(encoding="utf-8")
    diag = _diag(both)
    assert diag.verdict.state == "healthy"
    assert "redis-dns-not-found" not in {f.rule_id for f in diag.findings}


def test_redis_pys_plain_connection_refusing_a_tls_option_is_never_silent():
    # a real capture (samples/raw/classes/session5-h7.log) and the paste it explains (cardboard#829): the line names no
    # Redis, but only redis-py's plain Connection says it; no rule names the cause, so it is the never-silent finding
    raw = (SAMPLES / "raw/classes/session5-h7.log").read_text(encoding="utf-8")
    for text in (raw, _paste("python/cardboard-829.log")):
        diag = _diag(text)
        assert diag.verdict.state == "failing" and diag.verdict.root_cause == "redis-error-unnamed"
    # another library's unexpected keyword is not Redis's
    other = raw.replace("AbstractConnection.__init__()", "Session.request()").replace("'ssl_cert_reqs'", "'verify_ssl'")
    assert _diag(other).verdict.state == "unknown"
