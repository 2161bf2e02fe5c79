"""A refusal no retry lifts (`lasting: true`: an ACL's NOPERM, WRONGTYPE, CROSSSLOT, a command the server lacks) is
not ended by the app's later successes: those are other commands; the refused one is refused still. A deploy after
it ends it (the fix may be in), as a success ends a refusal that lifts by itself (OOM: memory freed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from analyzer.model import Verdict
from analyzer.pipeline import diagnose
from analyzer.sources.files import Problems, read_sources
from tests.conftest import builtin, capture_section, public_paste, refused_rule

# real lines: node-redis 4 under an ACL user without the key pattern, and its ping that works
# (samples/raw/classes/session10-noperm.log); the note's app with Redis at maxmemory (samples/raw/node-app/oom.log);
# Render's deploy line (render-deploying's example)
NOPERM = "cache: set cache:products failed [ErrorReply: NOPERM this user has no permissions to access one of the keys used as arguments]\n"
PONG = "redis ping PONG\n"
OOM = "Cache set error: OOM command not allowed when used memory > 'maxmemory'.\n"
DEPLOY = "==> Deploying...\n"


def _verdict(text: str) -> Verdict:
    diag = diagnose(read_sources(["-"], Problems(), stdin=io.BytesIO(text.encode())), builtin())
    return diag.verdict


def test_the_lines_are_the_captures_own():
    assert NOPERM in capture_section("session10-noperm.log", "node-redis")
    assert PONG in capture_section("session10-noperm.log", "node-redis")


def test_a_success_after_a_lasting_refusal_is_another_command():
    v = _verdict(NOPERM + PONG)
    assert (v.state, v.root_cause) == ("degraded", "redis-noperm")
    assert v.since is not None and v.since.line == 1


def test_a_refusal_that_lifts_by_itself_is_ended_by_a_success():
    v = _verdict(OOM + PONG)
    assert (v.state, v.root_cause) == ("recovered", "redis-oom")


def test_a_deploy_after_the_lasting_refusal_ends_it():
    v = _verdict(NOPERM + DEPLOY + PONG)
    assert v.state == "recovered"


def test_the_public_paste_rq_pubsub_refused_its_channel():
    # public heldout40 rq/django-rq#709: RQ's pubsub thread exits on NOPERM; the worker then listens on its queues
    log = public_paste("python/django-rq-709.log")
    v = _verdict(log)
    assert (v.state, v.root_cause) == ("degraded", "redis-noperm")


@pytest.mark.parametrize("rule_id", ["redis-noperm", "redis-wrongtype", "redis-crossslot", "redis-command-unavailable"])
def test_the_refusals_no_retry_lifts_are_marked(rule_id: str):
    rule = builtin().get(rule_id)
    assert rule is not None and rule.lasting and rule.state == "degraded"


@pytest.mark.parametrize("rule_id", ["redis-oom", "redis-readonly", "redis-loading", "redis-pool-timeout"])
def test_the_refusals_that_lift_are_not(rule_id: str):
    rule = builtin().get(rule_id)
    assert rule is not None and not rule.lasting


def test_lasting_only_with_a_degraded_state(tmp_path: Path):
    said = refused_rule(tmp_path, "state: down\nlasting: true\n")
    assert "lasting" in said and "degraded" in said
