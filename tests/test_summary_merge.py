"""A diagnosis that merges (issue 21): diagnosing parts of the input apart and merging their summaries
gives exactly the plain run's report, for random cuts over the real samples."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.pipeline import Session
from analyzer.report import ReportContext, to_dict
from analyzer.sources.files import LOG_SUFFIXES, Problems, read_sources
from analyzer.summary import MERGE, Summary, merge, merge_all, summarize
from tests.conftest import ROOT, builtin

SAMPLES = sorted(
    str(p.relative_to(ROOT)) for p in (ROOT / "samples").rglob("*") if p.is_file() and p.name.endswith(LOG_SUFFIXES)
)


def report(session: Session) -> dict:
    """The JSON report; it holds no run-specific field (no elapsed time, no path of the process)."""
    return to_dict(session.diagnosis(), ReportContext(builtin(), lang="en"))


def plain_session(files: list[str]) -> Session:
    session = Session(builtin())
    for block in read_sources(files, session.problems):
        session.feed_block(block)
    return session


def whole(files: list[str]) -> dict:
    return report(plain_session(files))


def part(files: list[str]) -> Summary:
    problems = Problems()
    return summarize(read_sources(files, problems), builtin().plan(), problems=problems)


def merged(parts: list[Summary]) -> dict:
    session = Session(builtin())
    session.feed_summary(merge_all(parts))
    return report(session)


def problems_of_parts(parts: list[Summary]) -> Problems:
    session = Session(builtin())
    for p in parts:
        session.feed_summary(p)
    return session.problems


def cut(files: list[str], points: list[int]) -> list[list[str]]:
    bounds = [0, *sorted({p % (len(files) + 1) for p in points}), len(files)]
    return [files[a:b] for a, b in zip(bounds, bounds[1:])]


def test_every_summary_field_has_its_merge() -> None:
    assert set(MERGE) == {f.name for f in dataclasses.fields(Summary)}


def test_samples_cover_many_sources() -> None:
    assert len(SAMPLES) > 100  # the property below draws from real captures, not a handful


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SAMPLES), min_size=1, max_size=10, unique=True),
    st.lists(st.integers(min_value=0, max_value=100), max_size=6),
    st.booleans(),
)
def test_merge_of_parts_is_the_whole(files: list[str], points: list[int], right_first: bool) -> None:
    parts = [part(p) for p in cut(files, points)]
    if right_first and len(parts) > 2:  # merge is associative: the shape of the merge tree does not matter
        parts = [parts[0], merge_all(parts[1:])]
    assert merged(parts) == whole(files)


def test_stories_across_files_are_told_once() -> None:
    """A drop in one file and the recovery in the next: the verdict needs both, in order."""
    files = [f for f in SAMPLES if "killed-then-back" in f or "degraded" in f][:6]
    assert len(files) >= 2
    assert merged([part([f]) for f in files]) == whole(files)
    assert merged([part([f]) for f in reversed(files)]) == whole(list(reversed(files)))


def test_merge_identity_and_order() -> None:
    a, b = part(SAMPLES[:3]), part(SAMPLES[3:5])
    assert merge(Summary(), a) == a == merge(a, Summary())
    assert merge(a, b).hits == a.hits + b.hits
    assert merge(a, b).lines == a.lines + b.lines


@pytest.mark.clock_neutral
def test_every_sample_a_part_of_its_own() -> None:
    """Each sample scanned alone, all merged: the same report as all of them read in one run (every
    capture's whole entries reach the judge, whatever part of them it reads)."""
    assert merged([part([f]) for f in SAMPLES]) == whole(SAMPLES)


def test_what_the_reading_said_is_merged_too(tmp_path: Path) -> None:
    """What rla says on stderr about the input (records it could not parse, inputs skipped, a UTF-16
    mark on UTF-8 text) comes from the parts as from one run, in input order."""
    lines = (ROOT / "samples" / "dashboard" / "node-app" / "degraded.txt").read_bytes()
    (tmp_path / "a-bom.log").write_bytes(b"\xff\xfe" + lines)
    (tmp_path / "b-binary.log").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "c.jsonl").write_bytes(b'{"message": "ok"}\n{not json\n')
    (tmp_path / "d-bom.log").write_bytes(b"\xfe\xff" + lines)
    files = sorted(str(p) for p in tmp_path.iterdir())
    want = plain_session(files).problems
    assert len(want.notes) == 2 and want.skipped  # the inputs say something: empty equals empty proves nothing
    assert problems_of_parts([part([f]) for f in files]) == want


def test_a_merged_diagnosis_stays_bounded(tmp_path: Path) -> None:
    """Parts do not add up past the judge's bounds: thousands of distinct unexplained errors, more
    instances than are listed and lines longer than a sample, spread over parts, give the plain
    run's report, whose templates, instances and samples are bounded as a plain run's are."""
    import random

    from analyzer.judge_shapes import MAX_INSTANCES, MAX_TEMPLATES, SAMPLE_CHARS

    rng = random.Random(21)
    word = lambda: "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))  # noqa: E731
    instances = [word()[:5] for _ in range(45)]
    files = []
    for n in range(3):
        lines = []
        for i in range(400):  # distinct templates: words, not numbers, differ
            at = f"{i // 60 + 1:02d}:{i % 60:02d}:{n:02d} AM"
            lines.append(f"{at} [{instances[i % 40]}] ERROR {word()} {word()} failed")
            lines.append(f"{at} [{instances[i % 45]}] Error: connect ECONNREFUSED 10.0.3.7:6379 {'x' * 2000}")
        path = tmp_path / f"part-{n}.log"
        path.write_text("\n".join(lines) + "\n")
        files.append(str(path))
    got = merged([part([f]) for f in files])
    assert got == whole(files)
    assert len(got["unexplained"]) == MAX_TEMPLATES  # 1,200 distinct templates came in
    refused = next(f for f in got["findings"] if f["rule"] == "redis-econnrefused")
    assert refused["count"] == 1200 and len(refused["instances"]) == MAX_INSTANCES  # of 45
    assert len(refused["sample"]) == SAMPLE_CHARS  # of a 2,040-character line
