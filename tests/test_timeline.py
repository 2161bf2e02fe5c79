"""The timeline model (analyzer/timeline.py): bounded buckets that merge exactly as the span grows, the
clock read from the records' own times, Redis's state as intervals, platform events as markers, and the
JSON report's `timeline` object, on the real samples."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from analyzer.pipeline import Session
from analyzer.engine.rules import load_rules
from analyzer.sources.files import read_sources
from analyzer.timeline import LADDER, MAX_BUCKETS, TimelineBuilder

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules([])


def _diagnose(path: Path):  # type: ignore[no-untyped-def]
    session = Session(RULES)
    for block in read_sources([str(path)], session.problems):
        session.feed_block(block)
    return session.diagnosis()


def _stamp(seconds: int) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.123Z")


def test_buckets_stay_bounded_and_merge_exactly() -> None:
    """Three days of hits in random order: never more than MAX_BUCKETS, and every count lands in the
    bucket a direct count at the final size gives (no hit lost or moved by the merges)."""
    rng = random.Random(18)
    base = 1_795_000_000
    times = [base + rng.randrange(0, 3 * 86400) for _ in range(20_000)]
    times.sort()
    times = times[:50] + rng.sample(times[50:], len(times) - 50)  # mostly out of order after a start
    b = TimelineBuilder()
    for i, t in enumerate(times):
        b.add(_stamp(t), "abcde" if i % 3 else "fghij", i, [("r", ())], [], None)
        assert len(b._all_buckets()) <= MAX_BUCKETS
    tl = b.build(lambda k: k[0], lambda k: None)
    assert tl is not None and tl.clock == "utc"
    assert tl.bucket_seconds in LADDER and tl.buckets <= MAX_BUCKETS
    assert tl.first == min(times) and tl.last == max(times)
    expected: dict[str, list[int]] = {"abcde": [0] * tl.buckets, "fghij": [0] * tl.buckets}
    for i, t in enumerate(times):
        expected["abcde" if i % 3 else "fghij"][(t - tl.start) // tl.bucket_seconds] += 1
    assert {s.instance: s.counts for s in tl.series} == expected
    assert tl.bucket_seconds == 3600  # 3 days in at most 120 buckets: the smallest ladder size that holds them


def test_short_log_keeps_one_second_buckets() -> None:
    b = TimelineBuilder()
    for i in range(40):
        b.add(_stamp(1_795_000_000 + i), None, i, [("r", ())], [], None)
    tl = b.build(lambda k: k[0], lambda k: None)
    assert tl is not None and tl.bucket_seconds == 1 and tl.buckets == 40 and tl.series[0].counts == [1] * 40


def test_time_of_day_rolls_over_midnight() -> None:
    b = TimelineBuilder()
    for i, text in enumerate(["11:59:30 PM", "11:59:59 PM", "12:00:10 AM", "12:01:00 AM"]):
        b.add(text, "x", i, [("r", ())], [], None)
    tl = b.build(lambda k: k[0], lambda k: None)
    assert tl is not None and tl.clock == "time-of-day"
    assert tl.span == 90
    assert tl.label(tl.last) == "+1d 12:01:00 AM" and tl.label(tl.first) == "11:59:30 PM"


def test_records_without_time_give_no_timeline() -> None:
    diag = _diagnose(ROOT / "samples/raw/node-app/degraded.log")
    assert diag.findings and diag.timeline is None


def test_recovery_sample_states_and_deploy() -> None:
    """samples/dashboard/node-app/recovery.txt: deploy at 08:09:11 PM, refused 08:09:14-15, ready 08:09:16."""
    tl = _diagnose(ROOT / "samples/dashboard/node-app/recovery.txt").timeline
    assert tl is not None and tl.bucket_seconds == 1
    assert [(s.state, tl.label(s.start), tl.label(s.end)) for s in tl.states] == [
        ("failing", "08:09:14 PM", "08:09:16 PM"),
        ("recovered", "08:09:16 PM", "08:09:22 PM"),
    ]
    deploys = [tl.label(m.time) for m in tl.markers if m.kind == "deploy"]
    assert deploys == ["08:09:11 PM"]  # as the log writes its times
    refused = {s.instance: s.counts for s in tl.series if s.rule == "redis-econnrefused"}
    assert sum(refused["baimh"]) == 3


def test_rfc3339_sample_is_on_a_utc_axis() -> None:
    tl = _diagnose(ROOT / "samples/plain/node-app/degraded.rfc3339.log").timeline
    assert tl is not None and tl.clock == "utc"
    assert tl.label(tl.first).endswith(" UTC") and tl.label(tl.first).startswith("2026-11-26 19:46:")
    assert [s.state for s in tl.states] == ["failing", "degraded"]


def test_json_report_carries_the_timeline() -> None:
    run = subprocess.run([sys.executable, "-m", "analyzer", "analyze", "samples/dashboard/node-app/degraded.txt",
                          "-f", "json"], cwd=ROOT, capture_output=True, text=True)
    doc = json.loads(run.stdout)
    tl = doc["timeline"]
    assert tl["version"] == 1 and tl["clock"] == "time-of-day" and tl["bucket_seconds"] == 1
    assert all(len(s["counts"]) == tl["buckets"] for s in tl["series"])
    total = {f["rule"]: f["count"] for f in doc["findings"]}
    for rule in ("redis-econnrefused", "redis-memory-cache-fallback"):
        assert sum(sum(s["counts"]) for s in tl["series"] if s["rule"] == rule) == total[rule]
    assert [m["time"] for m in tl["markers"] if m["kind"] == "deploy"] == ["08:46:06 PM"]
    assert tl["states"][-1]["state"] == "degraded"


def test_several_dateless_files_draw_no_timeline_one_alone_does():
    """Dashboard pastes carry times of day only: files of different days must not share one axis."""
    from analyzer.pipeline import diagnose
    from analyzer.sources.files import Problems

    root = Path(__file__).resolve().parent.parent / "samples"
    rules = load_rules()
    dateless = diagnose(read_sources([str(root / "dashboard/node-app/degraded.txt"),
                                      str(root / "timeline/outage-two-instances.txt")], Problems()), rules)
    assert len(dateless.per_source) == 2 and dateless.timeline is None
    alone = diagnose(read_sources([str(root / "timeline/outage-two-instances.txt")], Problems()), rules)
    assert alone.timeline is not None and alone.timeline.clock == "time-of-day"


def test_the_last_column_says_what_the_verdict_says() -> None:
    """A bucket alone can read "degraded" (commands turned away) where the verdict, weighing the whole window,
    reads "failing" (those were symptoms of a Redis that does not resolve or rejects the password), or the
    other way round: the timeline's last column ends as the verdict does. Real captures where they differed."""
    for name in (
        "heldout9/dashboard/rate-limiter-flexible/dns-nxdomain.txt",
        "heldout9/api/rate-limiter-flexible/wrongpass.jsonl",
        "raw/classes/session4.log",
    ):
        diagnosis = _diagnose(ROOT / "samples" / name)
        assert diagnosis.timeline is not None, name
        assert diagnosis.timeline.states[-1].state == diagnosis.verdict.state, name


# A storm with a time on every line: a time read within the second of the last one is its value again, read
# from the text around the fraction (TimelineBuilder._iso); copies with their own times are added stretch by
# stretch (add_stamps). Both checked against the plain reading, on times made of the pieces that change it.
_TIME_PIECES = {
    "lead": ["", "x ", "2026-11-27T00:00:01 then "],
    "date": ["2026-11-27", "2026-11-28", "2026-02-30"],
    "sep": ["T", " "],
    "clock": ["00:00:01", "00:00:02", "23:59:59"],
    "frac": ["", ".", ",", ".5", ".123", ",123456789", ".0", ".1\u0663", ".\u0663"],
    "gap": ["", " "],
    "zone": ["", "Z", "+01:00", "-0530", "UTC", ".Z", "+1"],
}


def _made_times(rnd: random.Random, n: int) -> list[str]:
    """n times, each piece as the time before's mostly (a storm's times), the fraction changing most."""
    pieces = {k: rnd.choice(v) for k, v in _TIME_PIECES.items()}
    out = []
    for _ in range(n):
        for k, v in _TIME_PIECES.items():
            if rnd.random() < (0.7 if k == "frac" else 0.1):
                pieces[k] = rnd.choice(v)
        out.append("".join(pieces.values()))
    return out


def test_a_time_within_the_second_read_before_is_read_alike() -> None:
    rnd = random.Random(3)
    cached = 0
    for _ in range(300):
        times = _made_times(rnd, 12)
        kept, fresh = TimelineBuilder(), TimelineBuilder()
        for text in times:
            fresh._iso = None  # the plain reading, every time
            cached += kept._iso is not None and text.startswith(kept._iso[0])
            assert kept.seconds(text) == fresh.seconds(text), times
            assert (kept.clock, kept._read) == (fresh.clock, fresh._read)
    assert cached > 500  # the kept reading was tried


def test_copies_added_stretch_by_stretch_as_one_by_one() -> None:
    rnd = random.Random(5)
    for _ in range(200):
        times = iter(_made_times(rnd, 30))  # in order, as a storm's copies: most within the second before
        stamps = [(next(times) if rnd.random() < 0.9 else rnd.choice([None, ""]), rnd.randint(1, 4)) for _ in range(rnd.randint(1, 30))]
        marker = rnd.choice([None, ("deploy", "==> Deploying")])
        keys, stated = [("rule-a", ())], rnd.choice([[], [("rule-a", ())]])
        at_once, one_by_one = TimelineBuilder(), TimelineBuilder()
        seq0 = rnd.randint(0, 50)
        at_once.add_stamps(stamps, "abcde", seq0, keys, stated, marker)
        seq = seq0
        for time, n in stamps:
            seq += n
            one_by_one.add(time, "abcde", seq, keys, stated, marker, n)
        assert vars(at_once) == vars(one_by_one), stamps
