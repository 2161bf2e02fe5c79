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
