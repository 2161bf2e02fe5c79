"""The worker pools of a big file's parts (analyzer.engine.parallel): results in the order of the jobs
whatever order the workers finish them in, a job that fails or a worker that dies computed by this process,
no worker left behind once the pool is closed; the forked pool (Linux) and the spawned one (elsewhere)."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from analyzer.engine import parallel
from analyzer.engine.match import compile_plan
from tests.conftest import builtin

PLAN = compile_plan(builtin().rules)
MAIN = os.getpid()


def busy(plan, n: int, cost: int) -> tuple[int, int, bool]:  # type: ignore[no-untyped-def]
    """Some CPU work (jobs of unequal cost finish out of order), then the job's number, a sum, and whether it
    ran in a worker."""
    total = sum(i * i for i in range(cost))
    return n, total, os.getpid() != MAIN


def fails_on_odd(plan, n: int, cost: int) -> tuple[int, int, bool]:  # type: ignore[no-untyped-def]
    if n % 2 and os.getpid() != MAIN:
        raise RuntimeError("a part that fails in a worker")
    return busy(plan, n, cost)


def dies_past(plan, n: int, cost: int) -> tuple[int, int, bool]:  # type: ignore[no-untyped-def]
    if n >= 6 and os.getpid() != MAIN:
        os.kill(os.getpid(), signal.SIGKILL)
    return busy(plan, n, cost)


JOBS = [(n, 200_000 if n % 3 == 0 else 1_000) for n in range(20)]  # every third costs 200 times the others
WANT = [(n, sum(i * i for i in range(cost))) for n, cost in JOBS]


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a zombie still answers kill(0): reaped or not
        return os.waitpid(pid, os.WNOHANG)[0] != 0
    except ChildProcessError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the forked pool is Linux's")
def test_forked_workers_hand_results_out_in_order_and_leave_nothing_behind() -> None:
    pool = parallel.pool(PLAN, 2)
    assert isinstance(pool, parallel.ForkPool)
    pids = [w.pid for w in pool.workers]
    got = list(pool.map(busy, iter(JOBS)))
    pool.close()
    assert [(n, total) for n, total, _ in got] == WANT
    assert all(in_worker for _, _, in_worker in got)  # every job ran in a worker
    assert len(pids) == 2 and all(gone(pid) for pid in pids)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the forked pool is Linux's")
@pytest.mark.parametrize("task", [fails_on_odd, dies_past])
def test_a_failed_job_or_a_dead_worker_is_computed_here(task) -> None:  # type: ignore[no-untyped-def]
    pool = parallel.pool(PLAN, 2)
    pids = [w.pid for w in pool.workers]
    got = list(pool.map(task, iter(JOBS)))
    pool.close()
    assert [(n, total) for n, total, _ in got] == WANT
    assert not got[-1][2]  # the pool broke: the last parts were computed here
    assert all(gone(pid) for pid in pids)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the forked pool is Linux's")
def test_closing_half_way_ends_the_workers() -> None:
    """Ctrl-C while parts are in flight: the caller stops reading and closes the pool; no worker stays."""
    pool = parallel.pool(PLAN, 2)
    pids = [w.pid for w in pool.workers]
    results = pool.map(busy, iter(JOBS))
    assert next(results)[0] == 0
    results.close()
    pool.close()
    assert all(gone(pid) for pid in pids)


def test_spawned_workers_hand_results_out_in_order() -> None:
    """macOS and Windows: the executor with spawned workers, each compiling the plan again."""
    pool = parallel.SpawnPool(PLAN, 2)
    got = list(pool.map(busy, iter(JOBS[:6])))
    pool.close()
    assert [(n, total) for n, total, _ in got] == WANT[:6]
