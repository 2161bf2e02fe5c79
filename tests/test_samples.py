"""Every bundled sample gives exactly the diagnosis samples/expected.yaml says, in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.expect import compare, load_expectations
from analyzer.pipeline import diagnose
from analyzer.sources.files import Problems, read_sources
from tests.conftest import builtin

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
EXPECTED = load_expectations(SAMPLES / "expected.yaml")
FORMATTED = sorted(
    str(p.relative_to(SAMPLES))
    for d in ("dashboard", "api", "plain", "clean")
    for p in (SAMPLES / d).rglob("*")
    if p.is_file()
)


def test_every_sample_has_an_expectation():
    missing = [s for s in FORMATTED if s not in EXPECTED]
    assert not missing, f"samples without an entry in samples/expected.yaml: {missing}"
    stale = [s for s in EXPECTED if not (SAMPLES / s).is_file()]
    assert not stale, f"entries for samples that do not exist: {stale}"


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_sample_diagnosis(sample: str):
    exp = EXPECTED[sample]
    if exp.pending:
        pytest.skip(exp.pending)
    diag = diagnose(read_sources([str(SAMPLES / sample)], Problems()), builtin())
    assert compare(diag, exp) == []
    assert diag.stats.unparsed == 0


def test_clean_logs_give_zero_findings():
    clean = [s for s, e in EXPECTED.items() if e.verdict == "unknown" and not e.findings and not e.pending]
    assert clean, "the clean-log corpus is empty"


CLEAN_STACKS = {"express", "django-runserver", "django-gunicorn", "celery", "rq", "sidekiq", "rails"}
CLIENT_FAMILIES = {
    "node-app", "node-app-redis5", "ioredis", "node-redis-nolistener", "bullmq", "redis-py", "celery", "rq",
    "django-redis", "redis-rb", "sidekiq", "go-redis",
}  # fmt: skip


def test_clean_corpus_covers_every_stack_in_every_format():
    from analyzer.model import Severity

    rules = builtin().by_id
    for stack in CLEAN_STACKS:
        entries = [s for s in EXPECTED if s.startswith(f"clean/{stack}/")]
        assert len(entries) == 4, f"clean/{stack}: expected the 4 Render formats, got {entries}"
        for s in entries:
            # no Redis failure in a clean log; a worker that says "Connected to redis://" is healthy (issue 13)
            assert EXPECTED[s].verdict in ("unknown", "healthy") and not EXPECTED[s].pending
            assert all(rules[r].severity <= Severity.OK for r in EXPECTED[s].findings)


def test_every_client_family_has_a_failing_sample_with_its_root_cause():
    for family in CLIENT_FAMILIES:
        failing = [
            e for s, e in EXPECTED.items()
            if s.startswith(f"dashboard/{family}/") and e.verdict in ("failing", "degraded") and e.root_cause
        ]  # fmt: skip
        assert failing, f"no failing dashboard sample with a root cause for {family}"


def test_symptoms_in_samples_name_their_cause():
    """Every symptom of a failing sample is linked to a root cause ("caused by")."""
    from analyzer.model import Severity

    rules = builtin().by_id
    for sample in ("dashboard/node-app/degraded.txt", "dashboard/node-redis-nolistener/refused-remote.txt", "dashboard/ioredis/url-unset.txt"):
        diag = diagnose(read_sources([str(SAMPLES / sample)], Problems()), builtin())
        for f in diag.findings:
            if rules[f.rule_id].kind == "symptom" and f.severity >= Severity.WARNING:
                assert f.caused_by == diag.verdict.root_cause, (sample, f.rule_id, f.caused_by)
