"""bench/accuracy.py: its counting is right, and the corpora never fall below the recorded floor.

The floor (bench/accuracy_floor.json) holds today's figures per corpus; a change that names fewer right
root causes or verdicts, or raises more false alarms or "can't tell", fails here. Raise the floor
(`python bench/accuracy.py --write-floor`) when a fix lands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402
from tests.conftest import builtin  # noqa: E402

# one pytest-xdist worker runs this module: every corpus measured once (the `measured` fixture)
pytestmark = pytest.mark.xdist_group("accuracy")


def _o(want_state, want_root, got_state, got_root, name="f.log"):
    return accuracy.Outcome(name, want_state, want_root, got_state, got_root)


def test_figures_count_each_kind_of_miss():
    fig = accuracy.figures(
        "t",
        [
            _o("failing", "redis-oom", "failing", "redis-oom", "right.log"),
            _o("failing", "redis-oom", "degraded", "redis-oom", "fallback.log"),  # right cause, wrong verdict
            _o("failing", "redis-econnrefused", "failing", "redis-url-not-set", "wrong.log"),
            _o("failing", "redis-dns-not-found", "unknown", None, "silent.log"),
            _o("unknown", None, "failing", "redis-dns-not-found", "smtp.log"),  # false alarm
            _o("unknown", None, "unknown", None, "pg.log"),
            _o(None, None, "healthy", None, "healthy.log"),  # healthy or unknown both right
            _o(None, None, "degraded", "redis-oom", "healthy-red.log"),  # ... but not red
        ],
    )
    assert (fig.files, fig.failing, fig.root_right, fig.cant_tell) == (8, 4, 2, 1)
    assert (fig.quiet, fig.false_alarms, fig.state_right) == (4, 2, 4)
    kinds = {m["file"]: m["kind"] for m in fig.misses}
    assert kinds == {
        "fallback.log": "verdict", "wrong.log": "root cause", "silent.log": "can't tell", "smtp.log": "false alarm",
        "healthy-red.log": "false alarm",
    }  # fmt: skip
    assert fig.recall == 0.5


def test_below_floor_names_each_regression():
    fig = accuracy.Figures("public", files=10, failing=8, root_right=5, state_right=7, quiet=2, false_alarms=1, cant_tell=2)
    floor = {"public": {"root_right": 6, "state_right": 7, "false_alarms": 0, "cant_tell": 2}}
    assert accuracy.below_floor([fig], floor) == ["public: root_right 5 < floor 6", "public: false_alarms 1 > ceiling 0"]
    assert accuracy.below_floor([fig], {"other": floor["public"]}) == []


def test_a_floor_written_for_some_corpora_keeps_the_others(tmp_path: Path, monkeypatch):
    floor = tmp_path / "floor.json"
    floor.write_text(json.dumps({"public": {"root_right": 5}, "heldout": {"root_right": 9}, "pooled": {"quiet": 3}}))
    monkeypatch.setattr(accuracy, "FLOOR", floor)
    figs = [accuracy.Figures("public", root_right=6), accuracy.Figures("pooled", quiet=1)]  # the pooled row comes last
    some = accuracy.floor_after(figs, some=True)
    assert some["public"]["root_right"] == 6 and some["heldout"] == {"root_right": 9} and some["pooled"] == {"quiet": 3}
    assert set(accuracy.floor_after(figs, some=False)) == {"public", "pooled"}


@pytest.fixture(scope="module")
def measured() -> list[accuracy.Figures]:
    return accuracy.run(list(accuracy.CORPORA), builtin())


def test_every_corpus_is_measured(measured):
    names = {f.corpus for f in measured}
    assert {"bundled", "public", "heldout"} <= names
    for f in measured:
        assert f.files > 0, f.corpus


def test_bundled_samples_are_all_right(measured):
    """The samples rules were written from: every root cause right, no false alarm."""
    (fig,) = [f for f in measured if f.corpus == "bundled"]
    assert fig.root_right == fig.failing and fig.false_alarms == 0 and fig.cant_tell == 0, fig.misses


def test_no_corpus_below_the_recorded_floor(measured):
    floor = json.loads(accuracy.FLOOR.read_text(encoding="utf-8"))
    assert set(floor) >= {f.corpus for f in measured}, "a corpus has no floor: run bench/accuracy.py --write-floor"
    assert accuracy.below_floor(measured, floor) == []


def test_capture_matrix_coverage_table_is_up_to_date():
    """samples/matrix/COVERAGE.md is what samples/capture/matrix_coverage.py makes of the captures there today."""
    sys.path.insert(0, str(ROOT / "samples" / "capture"))
    import matrix_coverage as cov  # noqa: PLC0415

    text = cov.render(cov.coverage(ROOT / "samples"))
    assert (ROOT / "samples" / "matrix" / "COVERAGE.md").read_text(encoding="utf-8") == text, (
        "run samples/capture/matrix_coverage.py after adding captures"
    )


def test_capture_matrix_coverage_counts_both_places(tmp_path):
    """A cell is covered by a capture in matrix/raw/ (M), in raw/ (R), or both; the gap counts follow."""
    sys.path.insert(0, str(ROOT / "samples" / "capture"))
    import matrix_coverage as cov  # noqa: PLC0415

    for rel in ("matrix/raw/bullmq/noauth.log", "raw/bullmq/noauth.log", "raw/bullmq/connect-timeout.log",
                "matrix/raw/ioredis-heartbeat/killed-loopback.log"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x\n", encoding="utf-8")
    table = cov.coverage(tmp_path)
    assert table["BullMQ 5"]["noauth"] == "MR" and table["BullMQ 5"]["blackholed"] == "R"
    assert table["ioredis 5"]["killed-not-back"] == "M" and table["BullMQ 5"]["wrongpass"] == ""
    assert "3 covered, 51 gaps" in cov.render({k: v for k, v in table.items() if k in ("BullMQ 5", "ioredis 5")})
