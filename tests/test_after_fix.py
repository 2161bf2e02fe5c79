"""What a symptom leaves once its root cause is fixed (a rule's `after_fix`), on the first screen.

The root cause's fix brings Redis back; it does not bring the app back to it. The note's app chose its memory
cache at start and stays on it until redeployed (its checklist: redeploy, then look for "✅ Redis cache connected
successfully"); a client that loaded its Lua scripts once fails every call after a restart of Redis (NOSCRIPT).
The first screen says so under the root cause's steps, for the findings linked to it, while the verdict is bad."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from analyzer.model import Diagnosis
from analyzer.pipeline import diagnose
from analyzer.report import ReportContext
from analyzer.report.dispatch import render
from analyzer.sources.files import Problems, read_sources
from tests.conftest import ROOT, builtin, capture_section, refused_rule
from tests.test_cli_analyze import rla


def _table(diag: Diagnosis, **kw: Any) -> str:
    return render(diag, "table", ReportContext(builtin(), width=200, color=False, **kw))


def _diag(sample: str) -> Diagnosis:
    return diagnose(read_sources([str(ROOT / sample)], Problems()), builtin())


def _section(out: str, title: str) -> list[str]:
    """The lines of the first screen's section that starts with `title`, up to the next blank or titled line."""
    lines = out.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    body = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        body.append(line)
    return body


def test_the_note_app_is_told_to_redeploy_once_redis_answers():
    out = _table(_diag("samples/dashboard/node-app/degraded.txt"))
    lines = out.split("\n")
    fix = next(i for i, line in enumerate(lines) if line.startswith("Fix (redis-econnrefused):"))
    then = next(i for i, line in enumerate(lines) if line.startswith("Then ("))
    findings = next(i for i, line in enumerate(lines) if line.startswith("Findings ("))
    assert fix < then < findings  # under the root cause's steps, before the findings
    assert lines[then] == "Then (redis-memory-cache-fallback, express-session-memory-store):"
    steps = " ".join(_section(out, "Then ("))
    assert "redeploy (or restart) the app" in steps and "✅ Redis cache connected successfully" in steps
    assert "creates its RedisStore" in steps
    assert out.count("Then (") == 1


def test_a_script_cache_lost_in_a_restart_is_told_on_the_first_screen():
    # real: ioredis across a restart of redis-server (samples/raw/classes/session11-noscript.log): refused while it
    # was down, then NOSCRIPT on every call once it was back
    log = capture_section("session11-noscript.log", "ioredis")
    diag = diagnose(read_sources(["-"], Problems(), stdin=io.BytesIO(log.encode())), builtin())
    assert diag.verdict.root_cause == "redis-econnrefused"
    out = _table(diag)
    assert "redis-noscript" in out.split("Then (", 1)[1].split("\n", 1)[0]
    assert any("restart the app: it loads its Lua scripts at start only" in s for s in _section(out, "Then ("))


def test_nothing_is_added_when_the_finding_is_the_root_cause_itself():
    # NOSCRIPT alone (no drop or refusal before it): its own fix already says to restart the app
    line = b"track 2 failed ReplyError: NOSCRIPT No matching script. Please use EVAL.\n"  # its rule's real example
    diag = diagnose(read_sources(["-"], Problems(), stdin=io.BytesIO(line)), builtin())
    assert diag.verdict.root_cause == "redis-noscript"
    out = _table(diag)
    assert "Fix (redis-noscript):" in out and "Then (" not in out


def test_nothing_is_added_once_the_app_is_back():
    # real: ioredis without an 'error' listener, its server killed then started again (issue 13's capture matrix): a
    # stack trace per retry, linked to the drop, then the client works again
    diag = _diag("samples/matrix/api/ioredis/killed-then-back-loopback.jsonl")
    assert diag.verdict.state == "recovered"
    assert any(f.rule_id == "ioredis-unhandled-error-event" and f.caused_by for f in diag.findings)
    assert "Then (" not in _table(diag)
    assert "Then (" not in _table(_diag("samples/dashboard/node-app/healthy.txt"))


def test_every_finding_carries_its_after_fix_in_json():
    doc = json.loads(render(_diag("samples/dashboard/node-app/degraded.txt"), "json", ReportContext(builtin())))
    by_rule = {f["rule"]: f for f in doc["findings"]}
    assert by_rule["redis-econnrefused"]["after_fix"] == []
    assert any("redeploy" in s for s in by_rule["redis-memory-cache-fallback"]["after_fix"])


def test_french_after_fix_on_the_first_screen():
    out = _table(_diag("samples/dashboard/node-app/degraded.txt"), lang="fr")
    assert "Ensuite (redis-memory-cache-fallback, express-session-memory-store) :" in out
    assert any("redéployez (ou redémarrez) l'application" in s for s in _section(out, "Ensuite ("))


def test_rules_show_prints_it():
    result = rla("rules", "show", "redis-noscript")
    assert result.returncode == 0
    assert "Then, once the root cause is fixed:" in result.stdout
    assert "loads its Lua scripts at start only" in result.stdout


def test_every_after_fix_has_its_french_twin_step_for_step():
    for rule in builtin().rules:
        en, fr = rule.text("en").after_fix, rule.text("fr").after_fix
        assert len(fr) == len(en), rule.id


def test_an_after_fix_that_is_not_a_list_of_texts_is_refused(tmp_path: Path):
    said = refused_rule(tmp_path, "after_fix: {restart: yes}\n")
    assert "after_fix" in said and "list of strings" in said
