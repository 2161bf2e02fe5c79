"""Issue 13, the "killed" class: a server that went away while the app was working, told by the app's own work
that stopped with the failures (analyzer/stopped.py), where the client prints nothing when it connects. Real
captures only (samples/README.md, sections H and L)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.engine.scan import EARLY, HISTORY, Scanner
from analyzer.sources.files import Problems, read_sources
from tests.conftest import ROOT, builtin, diag_of
from tests.test_summary_cuts import PLAN, line_starts, parts_of, plain_text, same_as_plain

PERL = ROOT / "samples" / "heldout12" / "dashboard" / "perl-redis" / "killed-not-back.txt"
TICKS = ROOT / "samples" / "matrix" / "plain" / "ioredis-heartbeat" / "killed-loopback.rfc3339.log"
RARE = ROOT / "samples" / "matrix" / "plain" / "ioredis-heartbeat" / "killed-rare-tick-loopback.cli.log"


def _root(path: Path):  # type: ignore[no-untyped-def]
    diag = diag_of(path.read_text(encoding="utf-8"))
    return diag, next(f for f in diag.findings if f.rule_id == diag.verdict.root_cause)


def test_work_that_stopped_with_remote_refusals_is_a_server_that_went_away():
    # Redis.pm prints nothing when it connects: 'round 1: counter=1' ... 'round 6: counter=6', then only refusals
    diag, root = _root(PERL)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    because = " ".join(str(b) for b in root.because)
    assert "round <n>: counter=<n>" in because and "6 times" in because


def test_work_that_stopped_beats_the_loopback_inference_on_render():
    # ioredis on 127.0.0.1:6379 under Render's ==> lines would read "REDIS_URL is not set"; 'worker: tick 1', 'worker:
    # tick 2', then refusals with health checks between them and no tick: the client worked, the server went away
    diag, root = _root(TICKS)
    assert diag.verdict.root_cause == "redis-connection-dropped"
    assert "worker: tick <n>" in " ".join(str(b) for b in root.because)


def test_work_that_goes_on_between_the_failures_is_not_read_as_stopped():
    # the line before the first refusal is a health check, printed three times before it and again between the
    # refusals: work that does not need Redis; nothing is inferred from it (the loopback inference stands)
    diag, root = _root(RARE)
    assert "GET /health" not in " ".join(str(b) for b in root.because)
    assert diag.verdict.root_cause != "redis-connection-dropped"


def test_fewer_failures_than_a_storm_say_nothing():
    # the same log cut after its second refusal: two failures are not yet a stop of the work
    lines = TICKS.read_text(encoding="utf-8").splitlines(True)
    first = next(i for i, line in enumerate(lines) if "ECONNREFUSED" in line)
    cut = "".join(lines[: first + 3])  # two refusals (each with its stack line)
    assert cut.count("ECONNREFUSED") == 2
    assert diag_of(cut).verdict.root_cause == "redis-url-not-set"


def _hits(path: Path):  # type: ignore[no-untyped-def]
    scanner = Scanner(PLAN, Problems())
    out = []
    for block in read_sources([str(path)], Problems()):
        out.extend(h if not hasattr(h, "count") else h.hit for h in scanner.scan(block))
    out.extend(h if not hasattr(h, "count") else h.hit for h in scanner.flush())
    return out


def test_only_an_instance_first_entries_carry_the_app_lines_before_them():
    hits = _hits(TICKS)
    first = next(h for h in hits if "ECONNREFUSED" in h.record.message)
    assert first.history[:2] == ("worker: tick 2", "web: GET /health 200 (2)")
    assert len(first.history) <= HISTORY
    assert all(not h.history for h in hits[EARLY:])


@pytest.mark.parametrize("path", [PERL, TICKS], ids=lambda p: p.parent.name)
def test_a_byte_range_read_gives_the_lines_a_whole_read_gives(path: Path):
    # a cut at each line before the first failure: the range after it gets the lines before it from the range
    # before (Scanner.prime), as the whole read does; the merged diagnosis is the whole one, in every format
    where = plain_text(str(path))
    assert where is not None
    starts = line_starts(str(path), where[0])
    first = next(i for i, s in enumerate(starts) if b"onnect" in path.read_bytes()[s : s + 200] and i > 3)
    for i in range(1, first + 1):
        same_as_plain([str(path)], parts_of(str(path), [i / len(starts)]))


def test_the_pack_names_the_stopped_fact():
    rules = builtin()
    assert rules.affinity is not None and rules.affinity.stopped == "redis-app-stopped"
    stopped = rules.get("redis-app-stopped")
    assert stopped is not None and stopped.kind == "context" and not stopped.patterns


DOKPLOY = ROOT / "samples" / "public" / "node" / "dokploy-42.log"  # docker swarm's `docker service logs` (heldout14)


def _facts(path: Path) -> set[str]:
    from analyzer.pipeline import Session

    session = Session(builtin())
    for block in read_sources([str(path)], Problems()):
        session.feed_block(block)
    session.diagnosis()  # the input ended: what stood pending is decided (on a copy)
    return set(session.judge._settled()._seen_rules)


def test_a_blank_line_under_a_process_label_is_not_the_app_work():
    # 'dokploy.1.6d4cfwq3o3wj@dokploy    |' alone before the first failure, and before that too: no words of the app
    assert "redis-app-stopped" not in _facts(DOKPLOY)
    assert "redis-app-stopped" in _facts(PERL)


def test_docker_swarm_service_label_joins_an_error_object_under_it():
    # `name.slot.task@node    | ` is a process label as compose's `web-1  | ` is: each Node error object under it is
    # one entry (two lookups failed, not four)
    diag = diag_of(DOKPLOY.read_text(encoding="utf-8"))
    assert [(f.rule_id, f.count) for f in diag.findings] == [("redis-dns-not-found", 2)]


def test_the_work_back_right_after_the_last_failure_still_says_it_had_stopped(tmp_path: Path):
    # the worker's own lines of the capture (the web process's health checks left out, as another instance's):
    # 'worker: tick 2', thirteen refusals back to back, then 'worker: tick 1' right after the last one. The line
    # after a failure is not a line between failures: the work stopped with them, and came back after them
    raw = (ROOT / "samples" / "matrix" / "raw" / "ioredis-heartbeat" / "killed-then-back-loopback.log").read_text(encoding="utf-8")
    worker = tmp_path / "worker.log"
    worker.write_text("".join(line for line in raw.splitlines(True) if "GET /health" not in line), encoding="utf-8")
    assert "redis-app-stopped" in _facts(worker)


def test_a_structured_logger_status_keeps_its_class_in_the_form():
    # Fastify's pino lines: 'request completed' with "statusCode":200 before the refusals, with 500 while they last
    # (heldout12, heldout16): not the same work, so the work that stopped is read
    from analyzer.storms import form_of

    line = '{"level":30,"time":1796467444746,"pid":19736,"reqId":"req-5","res":{"statusCode":%d},"msg":"request completed"}'
    assert form_of(line % 200) != form_of(line % 500) and form_of(line % 200) == form_of(line % 204)
    assert form_of("ts=1 status=200 path=/x") != form_of("ts=2 status=503 path=/x")
    for path in (ROOT / "samples" / "heldout12" / "plain" / "fastify-redis" / "killed-not-back.cli.log",
                 ROOT / "samples" / "heldout16" / "api" / "fastify-rate-limit" / "killed-not-back.jsonl"):
        diag, root = _root(path)
        assert diag.verdict.root_cause == "redis-connection-dropped", path.name
        assert "<ok>" in " ".join(str(b) for b in root.because)
