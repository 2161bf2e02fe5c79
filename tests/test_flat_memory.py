"""Flat memory (issue 17). `rla fetch`: the pages go to a spool on disk as they arrive and come back in
time order, each log once, exactly as when every log was held and sorted; nothing fetched is lost on a
stop; the rejected `limit=1000` probe is made at most once per run, and not where the answer is known
(against the fake Render API over real HTTP on 127.0.0.1). `rla follow` remembers only the ids that
can come back. A worker's summary of a dense range holds each repeated text once. The peak RSS figures
themselves are measured by hand (bench/bench_fetch.py --rss, bench/run.py), never here."""

from __future__ import annotations

import json
import random
import sys
from datetime import timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.render import spool as spool_mod  # noqa: E402
from analyzer.render.api import LogQuery, RenderClient, RetryPolicy, ts_ns  # noqa: E402
from analyzer.render.logs import log_key  # noqa: E402
from analyzer.render.spool import LogSpool  # noqa: E402
from tests.conftest import NOW_NS, ROOT as REPO, builtin  # noqa: E402
from tests.fake_render_api import FakeData, FakeRender, format_ns  # noqa: E402

OWNER = "tea-streamstreamstream0"
FAST = RetryPolicy(backoff_base=0.01, backoff_cap=0.05, timeout=5)


def held_and_sorted(pages: list[list[dict]]) -> tuple[list[dict], int]:
    """What fetch_logs did before it streamed (the oracle): every log held in a dict by id (a log
    without one by time and message), the first copy kept, then sorted by (time, id)."""
    by_id: dict[str, tuple[int, dict]] = {}
    duplicates = 0
    for page in pages:
        for log in page:
            lid = log.get("id")
            try:
                ns = ts_ns(log.get("timestamp", ""))
            except ValueError:
                ns = 0
            key = lid if isinstance(lid, str) and lid else f"{ns}:{log.get('message')}"
            if key in by_id:
                duplicates += 1
                continue
            by_id[key] = (ns, log)
    return [log for _, log in sorted(by_id.values(), key=lambda item: (item[0], str(item[1].get("id"))))], duplicates


def random_pages(rng: random.Random) -> list[list[dict]]:
    """Backward pages over a timeline with equal timestamps, copies where pages touch, copies far
    apart, logs without an id, an unreadable timestamp, and pages in any order inside."""
    n = rng.randint(1, 400)
    base = NOW_NS - 3600 * 10**9
    logs = []
    for i in range(n):
        ns = base + rng.randint(0, n // 3 + 1) * 10**9  # many logs share a second
        log = {"timestamp": format_ns(ns), "message": f"m{rng.randint(0, 30)}"}
        if rng.random() < 0.9:
            log["id"] = f"log-{i:05d}-{rng.choice('abc')}"
        if rng.random() < 0.01:
            log["timestamp"] = "not a time"
        logs.append(log)
    logs.sort(key=lambda log: log["timestamp"], reverse=True)  # newest first, as direction=backward
    pages, pos = [], 0
    while pos < len(logs):
        size = rng.randint(1, 60)
        page = logs[max(0, pos - rng.randint(0, 3)): pos + size]  # re-includes the previous page's edge
        if pages and rng.random() < 0.2:
            far = rng.choice(pages)
            page = page + [dict(log, message=log["message"] + " (second copy)") for log in far[:2]]
        rng.shuffle(page)
        pages.append(page)
        pos += size
    return pages


@pytest.mark.parametrize("seed", range(40))
def test_the_spool_gives_exactly_the_order_and_the_copies_of_holding_every_log(seed: int):
    pages = random_pages(random.Random(seed))
    want, duplicates = held_and_sorted(pages)
    with LogSpool(log_key) as spool:
        for page in pages:
            spool.add(page)
        got = list(spool.read())
        assert got == want
        assert (spool.count, spool.duplicates) == (len(want), duplicates)
        assert list(spool.read()) == want  # read again: the same


def test_reading_back_opens_only_the_runs_the_merge_has_reached(monkeypatch: pytest.MonkeyPatch):
    """Backward pages touch at their edges: at most two runs are read at a time, so memory holds two
    64 KiB buffers whatever the number of pages."""
    real = spool_mod._lines
    live = {"now": 0, "most": 0, "runs": 0}

    def counting(f, run):  # type: ignore[no-untyped-def]
        live["now"] += 1
        live["runs"] += 1
        live["most"] = max(live["most"], live["now"])
        try:
            yield from real(f, run)
        finally:
            live["now"] -= 1

    monkeypatch.setattr(spool_mod, "_lines", counting)
    base = NOW_NS - 3600 * 10**9
    with LogSpool(log_key) as spool:
        for page in range(200, 0, -1):  # newest first; each page shares its oldest second with the next
            spool.add([{"id": f"p{page}-{i}", "timestamp": format_ns(base + (page * 10 + i // 20) * 10**9),
                        "message": "x"} for i in range(220)])
        assert sum(1 for _ in spool.read()) == 200 * 220
    assert live["runs"] == 200 and live["most"] <= 2


class _CutWrite:
    """A spool file whose first big write stops half-way with a Ctrl-C (the page was being written)."""

    def __init__(self, f):  # type: ignore[no-untyped-def]
        self._f, self.cut = f, False

    def write(self, data: bytes) -> int:
        if not self.cut and len(data) > 1000:
            self.cut = True
            self._f.write(data[: len(data) // 2])
            raise KeyboardInterrupt
        return self._f.write(data)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._f, name)


def make_data(n: int) -> tuple[FakeData, dict]:
    data = FakeData()
    data.add_owner(OWNER, "Stream")
    svc = data.add_service("stream-app", "srv-streamstreamstream01", owner_id=OWNER)
    end, step = NOW_NS - 5 * 10**9, 1500 * 10**9 // max(1, n)  # within the last half hour, one log per step
    data.logs.add([data.logs.make(f"line {i}", resource=svc["id"], ns=end - (n - i) * step, instance=f"{svc['id']}-a")
                   for i in range(n)])
    return data, svc


def query(svc: dict, **kw) -> LogQuery:  # type: ignore[no-untyped-def]
    from analyzer import clock

    now = clock.now()
    return LogQuery(OWNER, [svc["id"]], now - timedelta(hours=1), now, **kw)


def test_ctrl_c_while_a_page_is_written_keeps_that_page_whole(monkeypatch: pytest.MonkeyPatch):
    real = spool_mod.tempfile.TemporaryFile
    files: list[_CutWrite] = []

    def cut_file(*a, **kw):  # type: ignore[no-untyped-def]
        files.append(_CutWrite(real(*a, **kw)))
        return files[-1]

    monkeypatch.setattr(spool_mod.tempfile, "TemporaryFile", cut_file)
    data, svc = make_data(2500)
    with FakeRender(data) as fake:
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        res = client.fetch_logs(query(svc))
    assert files and files[0].cut
    assert res.interrupted and not res.complete and res.pages == 1
    got = [log["message"] for log in res.read()]
    assert got == [f"line {i}" for i in range(1500, 2500)]  # the newest page, whole, in time order
    assert res.count == 1000
    res.close()


def test_an_error_half_way_keeps_every_page_fetched_until_then():
    data, svc = make_data(5000)
    with FakeRender(data) as fake:
        fake.add_fault("500", -1, after=3)
        client = RenderClient(fake.api_key, fake.url, policy=RetryPolicy(max_retries=1, backoff_base=0.01))
        with client.fetch_logs(query(svc)) as res:
            assert res.pages == 3 and res.error is not None
            assert [log["message"] for log in res.read()] == [f"line {i}" for i in range(2000, 5000)]


# --------------------------------------------------------------------------- the limit=1000 probe


def limits_asked(fake: FakeRender) -> list[str]:
    return [r.query["limit"][-1] for r in fake.log_requests()]


def test_a_refused_page_size_is_asked_once_per_run_not_once_per_query():
    data, svc = make_data(1500)
    with FakeRender(data) as fake:
        fake.max_log_limit = 100
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        first = client.fetch_logs(query(svc))
        second = client.fetch_logs(query(svc))  # doctor's Key Value logs, a second fetch: the same run
        asked = limits_asked(fake)
    assert first.complete and second.complete and first.count == second.count == 1500
    assert asked.count("1000") == 1 and asked[0] == "1000"
    assert asked[1:] == ["100"] * 30  # 15 pages each, none tried at 1000 again
    assert first.page_limit == second.page_limit == 100


def test_the_size_the_server_names_in_its_400_is_used():
    data, svc = make_data(2000)
    with FakeRender(data) as fake:
        fake.max_log_limit = 500  # its 400 says "limit must be between 1 and 500"
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        res = client.fetch_logs(query(svc))
        asked = limits_asked(fake)
    assert res.complete and res.count == 2000
    assert asked == ["1000", "500", "500", "500", "500"]


def test_a_taken_size_is_never_probed_and_a_400_about_something_else_is_not_retried_smaller():
    data, svc = make_data(1500)
    with FakeRender(data) as fake:
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        assert client.fetch_logs(query(svc)).complete
        assert limits_asked(fake) == ["1000", "1000"]
        fake.retention_mode, fake.retention_days = "reject", 1
        from analyzer import clock

        old = LogQuery(OWNER, [svc["id"]], clock.now() - timedelta(days=3), clock.now())
        res = client.fetch_logs(old)
        asked = limits_asked(fake)
    assert res.error is not None and "retention" in str(res.error)
    assert asked == ["1000", "1000", "1000"]  # one request for the refused window, no retry at 100


def test_a_400_on_the_first_request_that_names_another_parameter_is_not_a_probe():
    data, svc = make_data(10)
    with FakeRender(data) as fake:
        fake.retention_mode, fake.retention_days = "reject", 1
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        from analyzer import clock

        res = client.fetch_logs(LogQuery(OWNER, [svc["id"]], clock.now() - timedelta(days=3), clock.now()))
        assert res.error is not None and limits_asked(fake) == ["1000"]
        assert client.log_limit is None  # nothing learnt about the size


def test_a_query_that_asks_for_small_pages_makes_no_probe():
    data, svc = make_data(250)
    with FakeRender(data) as fake:
        fake.max_log_limit = 100
        client = RenderClient(fake.api_key, fake.url, policy=FAST)
        res = client.fetch_logs(query(svc, limit=100))
        assert res.complete and res.count == 250 and limits_asked(fake) == ["100"] * 3


# --------------------------------------------------------------------------- the diagnosis in batches


def _api_samples() -> list[Path]:
    return sorted((REPO / "samples" / "api").rglob("*.jsonl"))


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_logs_fed_in_batches_give_the_diagnosis_of_one_block(monkeypatch: pytest.MonkeyPatch, batch: int):
    from analyzer import pipeline
    from analyzer.pipeline import Session
    from analyzer.report import ReportContext, to_dict
    from analyzer.sources.formats import records_from_api_logs

    monkeypatch.setattr(pipeline, "API_BATCH", batch)
    samples = _api_samples()
    assert len(samples) > 30
    for path in samples:
        logs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        whole = Session(builtin())
        whole.feed_records(list(records_from_api_logs(logs, "render:x")), "render:x")
        batched = Session(builtin())
        assert batched.feed_api_logs(iter(logs), "render:x") == len(logs)
        ctx = ReportContext(builtin(), lang="en")
        assert to_dict(batched.diagnosis(), ctx) == to_dict(whole.diagnosis(), ctx), path.name


# --------------------------------------------------------------------------- rla follow


def test_a_long_follow_remembers_only_the_ids_that_can_come_back(monkeypatch: pytest.MonkeyPatch):
    """Fifty minutes of a busy service: the tail's memory of ids stays within the last minute or so (the
    resume overlap), copies inside it are still dropped, and a burst is pruned once per doubling."""
    from analyzer.render import live
    from analyzer.render.live import LogTail

    monkeypatch.setattr(live, "SEEN_MIN", 1000)
    tail = LogTail(RenderClient("rnd_x", "http://127.0.0.1:9"), OWNER, ["srv-x"], start=NOW_NS)
    most = 0
    for i in range(60_000):  # 20 logs a second
        ns = NOW_NS + i * 50_000_000
        assert tail._accept({"id": f"id-{i}", "timestamp": format_ns(ns), "message": "m"})
        most = max(most, len(tail._seen))
        if i % 1000 == 999:  # the socket closed and resumed: the overlap comes again
            assert not tail._accept({"id": f"id-{i - 5}", "timestamp": format_ns(ns - 250_000_000), "message": "m"})
    assert tail.stats.duplicates == 60
    # 4 x 2 s of overlap + 60 s = 68 s of ids at 20 a second = 1,360; at most twice that before a pruning
    assert most <= 2 * 1361 + 1

    burst = LogTail(RenderClient("rnd_x", "http://127.0.0.1:9"), OWNER, ["srv-x"], start=NOW_NS)
    thresholds = {burst._prune_at}
    for i in range(20_000):  # every log in the same second: none may be forgotten
        assert burst._accept({"id": f"b-{i}", "timestamp": format_ns(NOW_NS), "message": "m"})
        thresholds.add(burst._prune_at)
    assert len(burst._seen) == 20_000
    assert len(thresholds) <= 6  # 1000, 2002, 4006, 8014, 16030: one pruning per doubling, not one per log


# --------------------------------------------------------------------------- a big file's ranges on every core


def test_a_dense_ranges_summary_holds_each_text_once(tmp_path: Path):
    """Every line of a retry storm is a candidate: a worker's summary of a range (every entry, whole),
    pickled to the main process and held there while it waits its turn (2 per worker), holds each
    repeated text once: under 60 bytes an entry on the wire (37 here; 130 with a text per entry), and
    the same entries as a plain scan of those bytes."""
    import pickle

    from analyzer.engine.scan import Run, compile_plan
    from analyzer.sources.files import Problems, read_sources
    from analyzer.summary import summarize, summarize_range

    sample = REPO / "samples" / "dashboard" / "ioredis" / "refused-remote.txt"
    storm = [line for line in sample.read_text(encoding="utf-8").splitlines() if "[ioredis]" in line]
    assert storm
    path = tmp_path / "storm.log"
    path.write_text("\n".join(storm[i % len(storm)] for i in range(20_000)) + "\n", encoding="utf-8")
    plan = compile_plan(builtin().rules)
    size = path.stat().st_size
    part = summarize_range(plan, str(path), 0, size, size + 1, True, True)
    plain = summarize(read_sources([str(path)], Problems()), plan)
    entries = sum(h.count if type(h) is Run else 1 for h in part.hits)  # a Run: copies of one entry, one item
    assert part.hits == plain.hits and entries == 20_000
    wire = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(wire) == part  # sent as columns, read back whole
    assert len(wire) < 60 * entries


def test_rla_doctor_reads_two_log_windows_and_probes_the_page_size_once():
    """A whole run of `rla doctor`: the service's logs and the Key Value's, one refused `limit=1000`."""
    from tests.test_doctor_api import KID, SID, world
    from tests.test_doctor_cli import online

    with FakeRender(world()) as fake:
        fake.max_log_limit = 100
        p = online(fake, SID)
        asked = [(r.query["resource"][-1], r.query["limit"][-1]) for r in fake.log_requests() if "limit" in r.query]
    assert p.returncode in (0, 1), p.stderr
    assert {res for res, _ in asked} >= {SID, KID}  # both windows were read
    assert [limit for _, limit in asked].count("1000") == 1
