"""`rla analyze --engine dask` on a real Dask cluster (issue 21): a LocalCluster with two worker
processes on 127.0.0.1 gives the plain run's report, on the samples and on a generated multi-file
.gz archive; a worker killed mid-run is replaced, its tasks run again, and the report is unchanged.

The tests that run a cluster are `realtime_waits`: under libfaketime (make test-clock) the client's
event-loop thread (distributed's) and the test's thread hand the interpreter over through timed waits
that libfaketime wraps, and the samples' test took over a minute instead of ten seconds, the file
many minutes. They read no date: both runs they compare read the same files under the same pinned clock."""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from analyzer import cluster as dask_engine  # noqa: E402
from analyzer.pipeline import Session  # noqa: E402
from analyzer.sources.files import expand  # noqa: E402
from tests.conftest import ROOT, builtin  # noqa: E402
from tests.test_summary_merge import report, whole as plain  # noqa: E402

# one pytest-xdist worker runs this module: one Dask LocalCluster and one archive for the module
pytestmark = pytest.mark.xdist_group("cluster")

API_SAMPLES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "samples" / "api").rglob("*.jsonl"))


# every test that runs on the cluster (the module docstring says why)
on_a_cluster = pytest.mark.realtime_waits


@pytest.fixture(scope="module")
def client():
    cluster = dask_engine.local_cluster(2)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def on_cluster(client, targets: list[str], progress=None, window: int | None = None) -> dict:  # type: ignore[no-untyped-def]
    session = Session(builtin())
    dask_engine.run(session, targets, client=client, progress=progress, window=window)
    return report(session)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """archive/<service>/[<month>/]<day>.jsonl.gz from the real API samples' lines, at two depths (a
    glob's `**` must reach both): each file a few captures one after the other (stories that start in
    one file and go on in the next), repeated for bulk."""
    root = tmp_path_factory.mktemp("logs") / "archive"
    rng = random.Random(21)
    for service, month in (("worker", "2026-11"), ("web", "2026-11"), ("cron", "")):
        folder = root / service / month
        folder.mkdir(parents=True)
        for day in range(1, 9):
            lines: list[bytes] = []
            for sample in rng.sample(API_SAMPLES, 3):
                lines.extend((ROOT / sample).read_bytes().splitlines(keepends=True) * rng.randint(1, 30))
            with gzip.open(folder / f"2026-11-{day:02d}.jsonl.gz", "wb") as f:
                f.write(b"".join(lines))
    return root


@on_a_cluster
def test_samples_on_two_workers_match_a_plain_run(client) -> None:  # type: ignore[no-untyped-def]
    targets = API_SAMPLES + ["samples/dashboard/node-app/degraded.txt"]
    got = on_cluster(client, targets)
    assert got == plain(targets)
    assert got["findings"]  # the samples say something: equality of two empty reports would prove nothing


@on_a_cluster
def test_archive_glob_matches_a_plain_run(client, archive: Path) -> None:  # type: ignore[no-untyped-def]
    pattern = str(archive / "**" / "*.jsonl.gz")
    assert len(expand([pattern])) == 24
    seen: list[tuple[int, int]] = []
    got = on_cluster(client, [pattern], progress=lambda n, total: seen.append((n, total)))
    assert got == plain([pattern])
    assert seen[-1] == (24, 24) and len(seen) == 24  # progress as each task finishes


@on_a_cluster
def test_the_client_holds_a_bounded_number_of_parts(client, archive: Path) -> None:  # type: ignore[no-untyped-def]
    """However many files, the client has at most `window` parts out (running or scanned and waiting
    for an earlier one): the summaries it holds are bounded, and the report is still the plain run's."""
    pattern = str(archive / "**" / "*.jsonl.gz")
    session = Session(builtin())
    stats = dask_engine.run(session, [pattern], client=client, window=3)
    assert stats.parts == 24 and stats.most_ahead == 3
    assert report(session) == plain([pattern])
    default = dask_engine.run(Session(builtin()), [pattern], client=client)
    assert default.most_ahead == 4 * 2  # four per worker thread: two workers of one thread


@on_a_cluster
def test_fsspec_urls_read_the_same(client, archive: Path) -> None:  # type: ignore[no-untyped-def]
    local = archive / "web" / "2026-11" / "2026-11-01.jsonl.gz"
    url = "file://" + str(archive / "web" / "**" / "*.jsonl.gz")
    assert on_cluster(client, [url]) == plain([str(archive / "web" / "**" / "*.jsonl.gz")])
    # an object store as fsspec sees it (in this process: a worker has its own memory): its `**` too
    import fsspec

    deep, top = "memory://archive/web/2026-11/2026-11-01.jsonl.gz", "memory://archive/2026-11-02.jsonl.gz"
    for name in (deep, top):
        with fsspec.open(name, "wb") as f:
            f.write(local.read_bytes())
    found = dask_engine.sources(["memory://archive/**/*.jsonl.gz"])  # every depth, in path order
    assert [name.split("archive/", 1)[1] for name in found] == ["2026-11-02.jsonl.gz", "web/2026-11/2026-11-01.jsonl.gz"]
    deep = found[1]  # as fsspec names it (memory:///archive/...)
    session = Session(builtin())
    session.feed_summary(dask_engine.scan_source(deep, builtin(), "auto"))
    got = json.dumps(report(session))
    assert got == json.dumps(plain([str(local)])).replace(json.dumps(str(local))[1:-1], deep)
    assert deep in got


@on_a_cluster
def test_a_killed_worker_is_retried_and_changes_nothing(client, archive: Path) -> None:  # type: ignore[no-untyped-def]
    pattern = str(archive / "**" / "*.jsonl.gz")
    before = client.run(os.getpid)  # worker address -> pid
    victim = sorted(before.values())[0]
    killed: list[int] = []

    def kill_once(n: int, total: int) -> None:
        if not killed and n < total:  # mid-run: parts are still to come
            os.kill(victim, signal.SIGKILL)
            killed.append(n)

    got = on_cluster(client, [pattern], progress=kill_once)
    assert killed, "the run ended before the worker could be killed"
    client.wait_for_workers(2, timeout=60)
    assert victim not in client.run(os.getpid).values()  # it really died and was replaced
    assert got == plain([pattern])


@on_a_cluster
def test_every_worker_killed_at_once_loses_nothing(client, archive: Path) -> None:  # type: ignore[no-untyped-def]
    """What the workers held (the rule pack, scanned parts) dies with them; the scheduler must be able to
    make it again. Scattered data cannot be: its tasks were cancelled ('lost dependencies'), as a loaded
    machine did to the cluster tests when the scheduler dropped a worker it had not heard from."""
    pattern = str(archive / "**" / "*.jsonl.gz")
    victims = sorted(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_all_once(n: int, total: int) -> None:
        if not killed and n < total:
            for pid in victims:
                os.kill(pid, signal.SIGKILL)
            killed.append(n)

    got = on_cluster(client, [pattern], progress=kill_all_once)
    assert killed, "the run ended before the workers could be killed"
    client.wait_for_workers(2, timeout=180)  # a nanny restarts its worker slowly on a loaded machine
    assert not set(victims) & set(client.run(os.getpid).values())  # they really died and were replaced
    assert got == plain([pattern])


def _rla(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analyzer", *args],
        capture_output=True, text=True, cwd=cwd, timeout=300,
        env={**os.environ, "NO_COLOR": "1", "RLA_LANG": "en", "COLUMNS": "100", **(env or {})},
    )  # fmt: skip


@on_a_cluster
def test_cli_cluster_address_prints_the_plain_diagnosis(client, archive: Path) -> None:  # type: ignore[no-untyped-def]
    pattern = str(archive / "**" / "*.jsonl.gz")
    address = client.scheduler.address
    dask_run = _rla("analyze", pattern, "--cluster", address)
    plain_run = _rla("analyze", pattern)
    assert dask_run.stdout == plain_run.stdout and dask_run.returncode == plain_run.returncode
    assert "Traceback" not in dask_run.stderr


@on_a_cluster
def test_the_issue_s_command_on_its_own_local_cluster_prints_the_plain_diagnosis(archive: Path) -> None:
    """Issue 21's done-means, as a user types it: rla starts a local cluster (a worker per core),
    scans the archive's files at every depth there, and prints what a plain run prints."""
    dask_run = _rla("analyze", "archive/**/*.jsonl.gz", "--engine", "dask", "--verbose", cwd=archive.parent)
    plain_run = _rla("analyze", "archive/**/*.jsonl.gz", "--verbose", cwd=archive.parent)
    assert "Redis" in plain_run.stdout and "from 24 sources" in plain_run.stdout  # a diagnosis of the whole archive
    assert dask_run.stdout == plain_run.stdout and dask_run.returncode == plain_run.returncode
    assert "rla: 24/24 parts scanned" in dask_run.stderr and "Traceback" not in dask_run.stderr


@on_a_cluster
def test_two_local_clusters_at_once_never_clash_nor_listen_beyond_loopback() -> None:
    """The scheduler's HTTP server (health, metrics) would default to port 8787: a second cluster then
    warned "Port 8787 is already in use" among the diagnosis (and made this suite flaky under load)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with dask_engine.local_cluster(1) as one, dask_engine.local_cluster(1) as two:
            bound = [s.getsockname() for c in (one, two) for s in c.scheduler.http_server._sockets.values()]
    assert [host for host, _ in bound] == ["127.0.0.1", "127.0.0.1"]
    assert bound[0][1] != bound[1][1] and 8787 not in {port for _, port in bound}
    assert not [w for w in caught if "already in use" in str(w.message)]


def test_without_the_option_dask_is_never_imported() -> None:
    code = (
        "import sys\nfrom analyzer.cli import main\nsys.argv=['rla','analyze','samples/dashboard/node-app/degraded.txt','-q']\n"
        "try:\n main()\nexcept SystemExit:\n pass\nprint('dask' in sys.modules, 'distributed' in sys.modules, file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.stderr.strip().endswith("False False")


def test_without_the_extra_one_sentence_and_exit_2(tmp_path: Path) -> None:
    # a site directory where 'distributed' cannot be imported stands for an install without rla[dask]
    (tmp_path / "distributed.py").write_text("raise ImportError('not installed')\n")
    (tmp_path / "sitecustomize.py").write_text(
        "import importlib.util, sys\n_find = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name in ('distributed', 'fsspec') else _find(name, *a)\n"
    )
    env = {"PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    run = _rla("analyze", "samples/dashboard/node-app/degraded.txt", "--engine", "dask", env=env)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "rla[dask]" in run.stderr and "Traceback" not in run.stderr
    assert run.stdout == ""


def test_the_worker_plan_cache_tells_packs_apart() -> None:
    """Two packs that differ only in what the scan reads of one rule get different plans on a worker."""
    pack = builtin()
    rule = next(r for r in pack.rules if r.extract)
    other = dataclasses.replace(pack, rules=tuple(dataclasses.replace(r, extract=()) if r is rule else r for r in pack.rules))
    assert dask_engine.pack_token(pack) != dask_engine.pack_token(other)
    assert dask_engine.pack_token(pack) == dask_engine.pack_token(builtin())


@on_a_cluster
def test_a_big_plain_file_is_cut_into_byte_ranges_on_the_cluster(client, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A big plain file is one task per byte range, not one task: its summaries, merged on the client
    (entries open at a cut completed there), give the plain run's report; a gzipped file beside it stays
    one task, and a UTF-16 mark on UTF-8 text is still said, in its place."""
    import io
    from analyzer.sources import files

    spec = __import__("importlib.util").util.spec_from_file_location("rla_bench_gen", ROOT / "bench" / "gen.py")
    gen = __import__("importlib.util").util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    buf = io.BytesIO()
    gen.generate(buf, 300_000, seed=9, redis_every=4, segment=(40, 300))
    big = tmp_path / "a-big.log"
    big.write_bytes(b"\xff\xfe" + buf.getvalue())  # a UTF-16 mark the reader skips and reports
    small = tmp_path / "b-small.log.gz"
    with gzip.open(small, "wb") as f:
        f.write((ROOT / "samples" / "dashboard" / "node-app" / "degraded.txt").read_bytes())
    targets = [str(big), str(small)]
    want = plain(targets)
    monkeypatch.setattr(files, "SPLIT_MIN", 0)
    monkeypatch.setattr(files.blocks_from_stream, "__defaults__", (16_384,))  # small ranges, many cuts
    tasks = dask_engine._tasks(targets)
    assert sum(1 for kind, _ in tasks if kind == "range") > 10 and tasks[-1][0] == "source"
    session = Session(builtin())
    dask_engine.run(session, targets, client=client)
    assert report(session) == want
    assert session.problems.notes  # the mark was said
