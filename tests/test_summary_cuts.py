"""Parts cut inside files (issue 21): a plain file's byte ranges, each scanned on its own into a
`Summary` (as the local cores scan a big file), merged by `summary.merge`, give the plain run's
report in every output format and what the reading says on stderr, for random cut points over the
real samples and generated logs, cuts inside multi-line entries included."""

from __future__ import annotations

import importlib.util
import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.pipeline import Session
from analyzer.report import FORMATS, ReportContext
from analyzer.report.dispatch import render
from analyzer.sources import files as files_mod
from analyzer.sources.files import Problems, read_sources
from analyzer.summary import Rejoin, Summary, merge, merge_all, summarize, summarize_range
from tests.conftest import ROOT, builtin
from tests.test_summary_merge import SAMPLES, plain_session

# one pytest-xdist worker runs this module: the generated logs, made once
pytestmark = pytest.mark.xdist_group("summary_cuts")

PLAN = builtin().plan()
REJOIN = Rejoin(PLAN)
CAP = 1 << 30  # a range is read as one block, as the plain read reads a file under its block size


def plain_text(path: str) -> tuple[int, int] | None:
    """(offset of the first line, size) of a file a plain run reads as UTF-8 lines from its bytes
    (what may be cut), None for the others (JSON documents, UTF-16, binary, .gz)."""
    saved = files_mod.SPLIT_MIN
    files_mod.SPLIT_MIN = 0
    try:
        for block in read_sources([path], Problems()):
            return (block.origin[1], block.origin[3]) if block.rest is not None else None  # type: ignore[index]
    finally:
        files_mod.SPLIT_MIN = saved
    return None


def line_starts(path: str, start: int) -> list[int]:
    data = Path(path).read_bytes()
    return [start] + [i + 1 for i in range(start, len(data) - 1) if data[i] == 10]


def parts_of(path: str, fractions: list[float]) -> list[Summary]:
    """The file in byte ranges cut at line starts chosen by `fractions` (the whole file when it is not
    plain text); the notes its head gave (a UTF-16 mark on UTF-8 text) lead, as they lead a plain run."""
    where = plain_text(path)
    if where is None:
        problems = Problems()
        return [summarize(read_sources([path], problems), PLAN, problems=problems)]
    start, size = where
    head = Problems()
    blocks_seen = list(iter_head(path, head))
    assert blocks_seen
    starts = line_starts(path, start)
    cuts = sorted({start, *(starts[int(f * len(starts)) % len(starts)] for f in fractions)})
    bounds = [*cuts, size]
    parts = [Summary(notes=head.notes, skipped=head.skipped)] if head.notes or head.skipped else []
    for a, b in zip(bounds, bounds[1:]):
        if b > a:
            parts.append(summarize_range(PLAN, path, a, b - a, CAP, a == start, b == size))
    return parts


def iter_head(path: str, problems: Problems):  # type: ignore[no-untyped-def]
    saved = files_mod.SPLIT_MIN
    files_mod.SPLIT_MIN = 0
    try:
        yield from read_sources([path], problems)
    finally:
        files_mod.SPLIT_MIN = saved


def outputs(session: Session) -> dict[str, str]:
    diag = session.diagnosis()
    ctx = ReportContext(builtin(), lang="en")
    return {fmt: render(diag, fmt, ctx) for fmt in FORMATS}


def merged_session(parts: list[Summary]) -> Session:
    session = Session(builtin())
    session.feed_summary(merge_all(parts, REJOIN))
    return session


def same_as_plain(paths: list[str], parts: list[Summary]) -> None:
    plain = plain_session(paths)
    merged = merged_session(parts)
    assert merged.problems == plain.problems  # unparsed records, the first of them, inputs skipped, notes
    assert merged.judge.stats.lines == plain.judge.stats.lines
    want, got = outputs(plain), outputs(merged)
    for fmt in FORMATS:
        assert got[fmt] == want[fmt], fmt


def _gen():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("rla_bench_gen", ROOT / "bench" / "gen.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Generated logs in every format, Redis-rich (a Redis line in 4: stack traces, Node error objects,
    tracebacks open at many cuts), one with CR line ends and colour codes (ranges that need cleaning)."""
    folder = tmp_path_factory.mktemp("generated")
    out = []
    for seed in (3, 4):
        buf = io.BytesIO()
        _gen().generate(buf, 250_000, seed=seed, redis_every=4, segment=(40, 300))
        data = buf.getvalue()
        if seed == 4:
            data = data.replace(b"\n", b"\r\n", 3000).replace(b"Error", b"\x1b[31mError\x1b[0m", 200)
        path = folder / f"gen-{seed}.log"
        path.write_bytes(data)
        out.append(str(path))
    return out


CUTTABLE = [s for s in SAMPLES if plain_text(str(ROOT / s)) is not None]


def test_most_samples_can_be_cut() -> None:
    assert len(CUTTABLE) > 80  # the property below cuts real captures, not a handful


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SAMPLES), min_size=1, max_size=5, unique=True),
    st.lists(st.floats(min_value=0, max_value=1), max_size=8),
    st.booleans(),
)
@pytest.mark.clock_neutral
def test_merge_of_ranges_is_the_whole(files: list[str], fractions: list[float], by_file: bool) -> None:
    """Random cuts inside the samples (and between them): merged from the left, or file by file and
    then the files (the merge tree's shape across sources does not matter), the plain run's outputs."""
    paths = [str(ROOT / f) for f in files]
    per_file = [parts_of(p, fractions) for p in paths]
    if by_file:
        parts = [merge_all(p, REJOIN) for p in per_file]
    else:
        parts = [part for p in per_file for part in p]
    same_as_plain(paths, parts)


@pytest.mark.clock_neutral
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=40))
def test_merge_of_ranges_of_generated_logs_is_the_whole(generated: list[str], fractions: list[float]) -> None:
    parts = [part for p in generated for part in parts_of(p, fractions)]
    same_as_plain(generated, parts)


def test_a_json_document_s_unparsed_line_gives_the_plain_run_s_problems() -> None:
    """A one-line JSON document that holds no log record (a capture driver's package.json among the samples): its
    line is unparsed, and merged, its problems are the plain run's (the property above drew that file and found the
    line bookkeeping of a split file's parts compared as if it were reported)."""
    doc = str(ROOT / "samples/capture/heldout42/package.json")
    same_as_plain([doc], parts_of(doc, [0.5]))
    assert plain_session([doc]).problems.unparsed == 1


def test_a_cut_inside_an_entry_is_rejoined(tmp_path: Path) -> None:
    """A cut after the first line of a Node error object and of a Python traceback: the entry is open
    at the end of its range and takes the next range's first lines, which that range's own scan
    had made entries of; the merge scans that head again until both agree."""
    lines = [
        "10:00:00 AM [abcde] Error: connect ECONNREFUSED 127.0.0.1:6379",
        "10:00:00 AM [abcde]     at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) Error",
        "10:00:00 AM [abcde]     at Socket.emit (node:events:517:28) Error",
        "10:00:01 AM [abcde] Traceback (most recent call last):",
        '10:00:01 AM [abcde]   File "/app/worker.py", line 9, in <module>',
        "10:00:01 AM [abcde] redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.",
        "10:00:02 AM [abcde] GET /health 200",
    ]
    path = tmp_path / "open.log"
    path.write_text("\n".join(lines * 30) + "\n", encoding="utf-8")
    starts = line_starts(str(path), 0)
    size = path.stat().st_size
    first_of_trace = [s for s in starts if path.read_bytes()[s:].startswith(b"10:00:00 AM [abcde] Error")]
    cuts = sorted({0, *(s + len(lines[0]) + 1 for s in first_of_trace[::3])})
    bounds = [*cuts, size]
    parts = [summarize_range(PLAN, str(path), a, b - a, CAP, a == 0, b == size) for a, b in zip(bounds, bounds[1:])]
    assert sum(1 for p in parts if p.tail) >= 10  # the cuts left entries open
    # each range after an open entry scanned its head lines (the stack frames) as entries of their own
    assert any(h.record.message.lstrip().startswith("at ") for p in parts[1:] for h in p.hits)
    same_as_plain([str(path)], parts)


def test_an_entry_open_through_a_whole_range(tmp_path: Path) -> None:
    """Ranges of a few lines inside a long stack trace: the entry open at the first cut goes through
    the next ranges whole; each is scanned again from its bytes, and the merge is the whole."""
    frames = [f"10:00:00 AM [abcde]     at frame{i} (/app/node_modules/ioredis/built/f{i}.js:1:1)" for i in range(50)]
    lines = ["10:00:00 AM [abcde] Error: connect ECONNREFUSED 10.0.0.1:6379", *frames, "10:00:01 AM [abcde] ok"]
    path = tmp_path / "long.log"
    path.write_text("\n".join(lines * 4) + "\n", encoding="utf-8")
    starts = line_starts(str(path), 0)
    size = path.stat().st_size
    rng = random.Random(21)
    cuts = sorted({0, *rng.sample(starts, 40)})
    bounds = [*cuts, size]
    parts = [summarize_range(PLAN, str(path), a, b - a, CAP, a == 0, b == size) for a, b in zip(bounds, bounds[1:])]
    same_as_plain([str(path)], parts)


def test_identity_and_a_part_that_is_not_a_cut_need_no_rejoin() -> None:
    path = str(ROOT / "samples" / "dashboard" / "node-app" / "degraded.txt")
    parts = parts_of(path, [0.3, 0.6])
    assert all(merge(Summary(), p) == p for p in parts)
    assert merge(parts[0], Summary()) == parts[0]
    whole = merge_all(parts, REJOIN)
    assert whole.inside is None and not whole.tail
    assert os.path.getsize(path) > 0


def test_an_unparsed_line_only_the_range_looked_at_is_not_counted(tmp_path: Path) -> None:
    """After the cut, the range's own scan joined a stack frame to an error line and walked past a
    cut-short JSON record (noting it unparsed); in the plain run a traceback open at the cut takes
    that error line, stops at the frame, and nobody looks at the record. The merge cannot meet the
    range's scan where it had noted a line this scan did not: it scans the range through."""
    head = ["10:00:00 AM [abcde] GET /health 200", "10:00:00 AM [abcde] Traceback (most recent call last):"]
    rest = [
        "10:00:00 AM [abcde] redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.",
        "10:00:00 AM [abcde]     at Object.<anonymous> (/app/x.js:1:1)",
        '{"msg": "cut',
        "10:00:01 AM [abcde] Error: connect ECONNREFUSED 10.0.0.1:6379",
        "10:00:02 AM [abcde] Error: connect ECONNREFUSED 10.0.0.1:6379",
    ]
    path = tmp_path / "walked.log"
    path.write_text("\n".join(head + rest) + "\n", encoding="utf-8")
    cut_at = len("\n".join(head)) + 1
    size = path.stat().st_size
    a = summarize_range(PLAN, str(path), 0, cut_at, CAP, True, False)
    b = summarize_range(PLAN, str(path), cut_at, size - cut_at, CAP, False, True)
    assert a.tail and b.unparsed == 1  # the range's own scan noted the record
    plain = plain_session([str(path)])
    assert plain.problems.unparsed == 0  # the plain run never looked at it
    same_as_plain([str(path)], [a, b])


def _session_of(path: Path, block_size: int) -> Session:
    from analyzer.sources.files import blocks_from_stream
    from analyzer.sources.text import open_binary

    session = Session(builtin())
    with open_binary(str(path)) as handle:
        for block in blocks_from_stream(handle, str(path), session.problems, block_size=block_size):
            session.feed_block(block)
    return session


@pytest.mark.parametrize("where", ["middle", "first line"])
@pytest.mark.parametrize("per_worker", [8, 1])
def test_a_split_file_with_a_line_longer_than_the_reader_takes(tmp_path: Path, monkeypatch, where: str,
                                                               per_worker: int) -> None:
    """A big file split across worker processes, with a line longer than the reader's largest
    buffer (which it cuts, and says so): the ranges up to it, then the rest of the file read as the
    reader reads it, give the plain run's outputs and the same note. `per_worker` 1: each part several
    of the reader's blocks (summary.blocks_per_range), as a big file's are."""
    from analyzer import summary
    from analyzer.sources import text

    monkeypatch.setattr(text, "MAX_LINE", 1 << 16)  # small, so that the file stays small
    monkeypatch.setattr(text, "KEEP_LINE", 1 << 12)
    monkeypatch.setattr(files_mod, "SPLIT_MIN", 0)
    monkeypatch.setattr(summary, "RANGES_PER_WORKER", per_worker)
    buf = io.BytesIO()
    _gen().generate(buf, 200_000, seed=5, redis_every=4, segment=(40, 300))
    lines = buf.getvalue().split(b"\n")
    long = b"10:00:00 AM [abcde] Error: connect ECONNREFUSED 10.0.0.1:6379 " + b"x" * 100_000
    at = 0 if where == "first line" else len(lines) // 2
    path = tmp_path / "long.log"
    path.write_bytes(b"\n".join([*lines[:at], long, *lines[at:]]))
    monkeypatch.setenv("RLA_JOBS", "1")
    plain = _session_of(path, 8192)
    monkeypatch.setenv("RLA_JOBS", "2")
    split = _session_of(path, 8192)
    assert any("processes" in e for e in split.scanner.engines)
    assert plain.problems.skipped and split.problems == plain.problems
    want, got = outputs(plain), outputs(split)
    for fmt in FORMATS:
        assert got[fmt] == want[fmt], fmt


def test_cuts_inside_runs_of_copies(tmp_path: Path) -> None:
    """A retry storm printing the same entry (an error and its stack frames) hundreds of times in a row:
    the scan hands copies over as one Run; ranges cut inside the runs and inside the entries, merged,
    give the plain run's outputs (copies counted at once on both sides of a cut, the run split there)."""
    entry = [
        "10:00:00 AM [abcde] Error: connect ECONNREFUSED 10.0.0.1:6379",
        "10:00:00 AM [abcde]     at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
        "10:00:00 AM [abcde]     at Socket.emit (node:events:517:28)",
    ]
    other = ["10:00:01 AM [abcde] [ioredis] Unhandled error event: Error: connect ECONNREFUSED 10.0.0.1:6379"]
    lines = entry * 300 + other * 200 + ["10:00:02 AM [abcde] GET /health 200"] + entry * 100
    path = tmp_path / "storm.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    starts = line_starts(str(path), 0)
    size = path.stat().st_size
    whole = summarize_range(PLAN, str(path), 0, size, CAP, True, True)
    assert any(type(h).__name__ == "Run" for h in whole.hits)  # the storm is folded
    rng = random.Random(17)
    for _ in range(3):
        cuts = sorted({0, *rng.sample(starts, 12)})
        bounds = [*cuts, size]
        parts = [summarize_range(PLAN, str(path), a, b - a, CAP, a == 0, b == size) for a, b in zip(bounds, bounds[1:])]
        same_as_plain([str(path)], parts)


@pytest.mark.parametrize("form", ["jsonl", "rfc3339"])
@pytest.mark.parametrize("seed", range(3))
def test_merge_of_ranges_of_storms_with_a_time_per_copy_is_the_whole(tmp_path: Path, form: str, seed: int) -> None:
    """A storm whose copies each have their own time, cut in ranges: each range's copies come as Runs with
    every copy's time, line and reach, sent from a worker (pickled) and moved to the file's numbering by the
    merge: the plain run's outputs."""
    import pickle

    from analyzer.engine.scan import Run
    from tests.test_fold_equivalence import _as_inputs, _timed_storm

    ((name, data),) = _as_inputs(_timed_storm(seed), form, seed)
    path = tmp_path / name
    path.write_bytes(data)
    assert plain_text(str(path)) is not None
    rnd = random.Random(seed)
    parts = [pickle.loads(pickle.dumps(p)) for p in parts_of(str(path), [rnd.random() for _ in range(10)])]
    assert sum(h.count for p in parts for h in p.hits if type(h) is Run and h.stamps) >= 20
    same_as_plain([str(path)], parts)


@pytest.mark.parametrize("per", [1, 2, 3, 4, 7])
@pytest.mark.parametrize("where", [None, "middle", "first line", "grows"])
def test_a_range_of_several_blocks_is_read_into_the_plain_reads_blocks(tmp_path: Path, monkeypatch, per: int,
                                                                       where: str | None) -> None:
    """The parts handed to workers are runs of `per` of the plain read's blocks: read on their own, they give
    the plain read's blocks, byte for byte and in order, with a line longer than the reader takes (the rest of
    the file one part, read as the reader reads it), one longer than its first buffer (which grows), or none."""
    from analyzer.sources import text
    from analyzer.sources.files import Block, blocks_from_stream, range_blocks
    from analyzer.summary import ranges

    monkeypatch.setattr(text, "MAX_LINE", 1 << 16)
    monkeypatch.setattr(text, "KEEP_LINE", 1 << 12)
    buf = io.BytesIO()
    _gen().generate(buf, 150_000, seed=per, redis_every=9, segment=(40, 300))
    lines = buf.getvalue().split(b"\n")
    if where is not None:
        at = 0 if where == "first line" else len(lines) // 2
        long = 20_000 if where == "grows" else 100_000
        lines[at:at] = [b"10:00:00 AM [abcde] Error: connect ECONNREFUSED 10.0.0.1:6379 " + b"x" * long]
    path = tmp_path / "big.log"
    path.write_bytes(b"\n".join(lines))
    size, cap = path.stat().st_size, 8192
    plain = []
    with open(path, "rb") as handle:
        for block in blocks_from_stream(handle, str(path), Problems(), block_size=cap):
            data, n = block.buffer()
            plain.append(bytes(data[:n]))
    parts = list(ranges(Block(str(path), 1, origin=(str(path), 0, cap, size)), per))
    assert [p[1] for p in parts][0] == 0 and all(a[1] + a[2] == b[1] for a, b in zip(parts, parts[1:]))
    assert parts[-1][1] + parts[-1][2] == size and parts[-1][5] and parts[0][4]
    assert per == 1 or len(parts) < len(plain)
    got = []
    for source, offset, length, cap_used, _, _ in parts:
        for block in range_blocks(source, offset, length, cap_used, Problems()):
            data, n = block.buffer()
            got.append(bytes(data[:n]))
    assert got == plain
