"""Issue 13: recovery that the client does not print. ioredis (and BullMQ over it) logs every failed reconnect and
nothing when it connects again; only the app's own line, back after the storm of failures, says it. Every log
here is a real capture (samples/README.md section H: the server killed mid-run, by SHUTDOWN or SIGKILL, then
started again or not; a worker whose web process answers health checks between the refusals)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from analyzer.engine.affinity import AffinityError, parse_affinity
from analyzer.engine.scan import Scanner, compile_plan, unfolded
from analyzer.pipeline import diagnose
from analyzer.sources.files import Problems, blocks_from_stream, read_sources, text_block
from tests.conftest import builtin

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MATRIX = SAMPLES / "matrix"
RULES = builtin()

BACK = [
    "plain/ioredis/killed-then-back-remote.rfc3339.log",  # SHUTDOWN NOSAVE, 10.0.5.9: refused, then ticks again
    "api/ioredis/killed-then-back-loopback.jsonl",  # the same on 127.0.0.1:6379, with Render's lines
    "dashboard/ioredis/killed-sigkill-then-back-loopback.txt",  # kill -9: ioredis prints the same, no reset
    "api/ioredis-heartbeat/killed-then-back-loopback.jsonl",  # health checks between the refusals and before the tick
]


def _diag(path: Path):
    return diagnose(read_sources([str(path)], Problems()), RULES)


@pytest.mark.parametrize("name", BACK)
def test_the_app_line_back_after_the_refusals_is_recovery_and_the_refusals_a_drop(name: str):
    diag = _diag(MATRIX / name)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-connection-dropped")
    found = {f.rule_id: f for f in diag.findings}
    back = found["redis-app-resumed"]
    assert "worker: tick" in back.sample and "worker: tick <n>" in back.because[0]
    # the inference says what it used: the loopback refusals are not "REDIS_URL is not set" (they were read as
    # that before: the client was connected, the server went away)
    assert any("worker: tick <n>" in b and "reconnect attempts" in b for b in found["redis-connection-dropped"].because)
    assert "redis-url-not-set" not in found and "redis-econnrefused" not in found


def test_the_neighbour_lines_come_from_the_scanner():
    path = MATRIX / "plain/ioredis/killed-then-back-remote.rfc3339.log"
    scanner = Scanner(compile_plan(RULES.rules), Problems())
    # one by one: a storm's copies, each with its own time, come as one Run
    hits = list(unfolded([h for b in read_sources([str(path)], Problems()) for h in scanner.scan(b)] + list(scanner.flush())))
    refusals = [h for h in hits if any(r == "redis-econnrefused" for r, _ in h.matches)]
    assert len(refusals) == 13
    assert refusals[0].before is not None and refusals[0].before.message == "worker: tick 2"
    assert all(h.before is None for h in refusals[1:])  # each follows the previous one's stack line
    assert [r.message for r in refusals[-1].after] == ["worker: tick 1", "worker: tick 2", "worker: tick 3"]


def test_the_storm_cut_before_the_app_line_came_back_stays_failing():
    lines = (MATRIX / "plain/ioredis/killed-then-back-remote.rfc3339.log").read_text(encoding="utf-8").splitlines()
    cut = "\n".join(lines[: lines.index(next(l for l in lines if l.endswith("worker: tick 1") and "11:50:27" in l))])
    diag = diagnose([text_block(cut + "\n", "cut.log")], RULES)
    assert diag.verdict.state == "failing"
    assert "redis-app-resumed" not in {f.rule_id for f in diag.findings}


def test_a_line_the_app_prints_while_the_failures_last_says_nothing_of_redis():
    """The web process's health check came before the storm and between its refusals: its line after a run of
    refusals was pending as recovery, the next refusal took it back, and the refusals stay refusals."""
    diag = _diag(MATRIX / "plain/ioredis-heartbeat/killed-rare-tick-loopback.cli.log")
    assert diag.verdict.state == "failing"
    ids = {f.rule_id for f in diag.findings}
    assert "redis-app-resumed" not in ids and "redis-connection-dropped" not in ids


def test_killed_and_not_back_stays_failing_with_health_checks_between():
    diag = _diag(MATRIX / "plain/ioredis-heartbeat/killed-loopback.rfc3339.log")
    assert diag.verdict.state == "failing"
    assert "redis-app-resumed" not in {f.rule_id for f in diag.findings}


def test_a_code_fence_around_a_block_of_errors_is_not_the_app_line():
    """The note (samples/seed) quotes three failure lines between two ``` fences: the same line before and after
    them, and no word in it."""
    diag = _diag(SAMPLES / "seed" / "diagnostic-redis.fr.mojibake.txt")
    assert "redis-app-resumed" not in {f.rule_id for f in diag.findings}


def test_no_block_size_changes_the_reading():
    """The lines around an entry come from the block before, or the look goes on into the next one."""
    data = (MATRIX / "raw/ioredis-heartbeat/killed-then-back-loopback.log").read_bytes()
    got = set()
    for size in range(90, 1500, 23):
        diag = diagnose(blocks_from_stream(io.BytesIO(data), "hb.log", Problems(), block_size=size), RULES)
        got.add((diag.verdict.state, diag.verdict.root_cause, tuple(f.rule_id for f in diag.findings)))
    assert len(got) == 1 and next(iter(got))[:2] == ("recovered", "redis-connection-dropped")


def test_resumed_after_must_be_a_count():
    assert parse_affinity({"resumed": "x", "resumed_after": 2}, "a.yaml").resumed_after == 2
    for bad in (0, "3", -1):
        with pytest.raises(AffinityError):
            parse_affinity({"resumed_after": bad}, "a.yaml")


# -- a Python web app: Flask logs "Exception on /path [GET]" over each traceback (joined to it), werkzeug an access line a request
# (samples/heldout10/raw/flask-caching/killed-then-back.log: Flask-Caching on redis-py 8, the server killed, then back)
FLASK = SAMPLES / "heldout10" / "raw" / "flask-caching" / "killed-then-back.log"


def test_a_flask_view_back_to_200_after_its_500s_is_recovery():
    diag = _diag(FLASK)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-connection-dropped")
    back = {f.rule_id: f for f in diag.findings}["redis-app-resumed"]
    assert '" 200 -' in back.sample and "<ok>" in back.because[0]


def test_the_flask_storm_cut_before_the_200s_stays_failing():
    lines = FLASK.read_text(encoding="utf-8").splitlines(True)
    last_500 = max(i for i, l in enumerate(lines) if l.rstrip().endswith('" 500 -'))
    diag = diagnose([text_block("".join(lines[: last_500 + 1]), "cut.log")], RULES)
    assert diag.verdict.state == "failing"


def test_an_access_line_keeps_its_status_class_in_its_form():
    from analyzer.storms import form_of

    ok = '127.0.0.1 - - [05/Dec/2026 07:59:16] "GET /products/1 HTTP/1.1" 200 -'
    assert form_of(ok) == form_of(ok.replace("200", "204").replace("/1 ", "/7 "))
    assert form_of(ok) != form_of(ok.replace("200", "500"))
    assert form_of("GET /api/cart 500") != form_of("GET /api/cart 200")
    assert form_of("Completed 500 Internal Server Error in 3ms") != form_of("Completed 200 OK in 3ms")
    assert form_of("worker: tick 3") == form_of("worker: tick 12")  # no status: numbers fold as before


def test_an_error_no_rule_names_that_heads_no_traceback_still_ends_the_storm():
    # an unknown error line put between the failures, over the line that heads the next traceback: it is not that
    # traceback's heading, so it ends the storm as before, and the 200s after it are not read as Redis back
    lines = FLASK.read_text(encoding="utf-8").splitlines(True)
    heads = [i for i, l in enumerate(lines) if "ERROR in app: Exception on" in l]
    lines.insert(heads[2], "[2026-12-05 07:59:20,400] ERROR in billing: webhook signature mismatch\n")
    diag = diagnose([text_block("".join(lines), "x.log")], RULES)
    assert diag.verdict.state == "failing"


def test_no_block_size_changes_the_flask_reading():
    data = FLASK.read_bytes()
    got = set()
    for size in range(700, 9000, 997):
        diag = diagnose(blocks_from_stream(io.BytesIO(data), "flask.log", Problems(), block_size=size), RULES)
        got.add((diag.verdict.state, diag.verdict.root_cause))
    assert got == {("recovered", "redis-connection-dropped")}
