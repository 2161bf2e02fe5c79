"""Issue 13, heldout16's classes: real captures of Redis-using libraries this project had never run
(samples/heldout16/raw/, made as samples/README.md section L, heldout16, says). Each test feeds the real output, or its
lines, to the whole pipeline."""

from __future__ import annotations

from tests.conftest import ROOT, diag_of

BATCH = ROOT / "samples" / "heldout16"


def _formatted(name: str) -> str:
    """The capture as Render shows it, with Render's own `==>` lines (the start command among them)."""
    return (BATCH / name).read_text(encoding="utf-8")


def _line(text: str, needle: str) -> str:
    """The first real line of `text` holding `needle`, its platform prefix (time, instance) left on."""
    return next(line for line in text.splitlines() if needle in line)


def _affinity():  # type: ignore[no-untyped-def]
    from analyzer.engine.affinity import load_affinity

    aff = load_affinity(ROOT / "rules" / "affinity.yaml")
    assert aff is not None
    return aff


# -- the platform's line about the start command is not a Redis line, whatever the command's file is called --------

def test_an_api_failing_after_the_start_command_naming_redis_is_not_redis():
    # connect-redis 6's app, started as `node connect-redis6-app.js`: Render prints "==> Running 'node
    # connect-redis6-app.js'" six lines before the first request's api.stripe.com lookup fails. Redis works
    # (node_redis' 'Connected to redis successfully', 200s); the API's failure is not Redis's.
    text = _formatted("dashboard/connect-redis6/mixed-pg-api-healthy.txt")
    assert "==> Running 'node connect-redis6-app.js'" in text and "getaddrinfo ENOTFOUND api.stripe.com" in text
    diag = diag_of(text)
    assert diag.verdict.state not in ("failing", "degraded")
    assert not [f for f in diag.findings if f.rule_id == "redis-dns-not-found"]
    assert {n.endpoint for n in diag.not_redis} >= {"api.stripe.com"}


def test_platform_lines_name_the_command_not_a_client():
    aff = _affinity()
    render = "==> Running 'node connect-redis6-app.js'"
    heroku = _line((ROOT / "samples" / "public" / "node" / "derby-337.log").read_text(encoding="utf-8"),
                   "Starting process with command `")
    assert aff.in_text(render)  # the words are Redis's ('connect-redis'): only the line's author differs
    assert not aff.names_redis(render)
    assert not aff.names_redis(heroku.split(": ", 1)[1])
    # an app's own line naming Redis still is one (node_redis 3's error through the app's listener, real output)
    app = _line(_formatted("dashboard/connect-redis6/dns-nxdomain.txt"), "Could not establish a connection with redis")
    assert aff.names_redis(app)


def test_a_redis_failure_after_the_same_start_command_is_still_redis():
    # the same app, the Key Value's name not resolving: node_redis 3 names its own host, the finding stands
    diag = diag_of(_formatted("dashboard/connect-redis6/dns-nxdomain.txt"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-dns-not-found")
